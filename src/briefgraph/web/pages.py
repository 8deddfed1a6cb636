"""The web pages (placeholder)."""

from fastapi import APIRouter

router = APIRouter()
