"""``/api/articles``: articles with filters, one article with every record at its offsets, and (with a token) ingest."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request

from rasd.api import record_queries as rq
from rasd.api.deps import ConnDep, FiltersDep, page_body, require_token
from rasd.api.errors import ApiError
from rasd.api.schemas import Article, ArticleIn, ArticlePage, ErrorBody, Written

router = APIRouter(prefix="/api/articles", tags=["articles"], responses={400: {"model": ErrorBody}})


@router.get("", response_model=ArticlePage, summary="Articles (source, publication date range, text)")
def list_articles(request: Request, conn: ConnDep, f: FiltersDep) -> dict[str, Any]:
    """Stored articles, newest first, with how many events, statements and aggregates each holds."""
    total, items = rq.list_articles(conn, f)
    return page_body(request, f, total, items)


@router.get(
    "/{article_id}",
    response_model=Article,
    responses={404: {"model": ErrorBody}},
    summary="One article and its records",
)
def get_article(article_id: Annotated[int, Path(ge=1, le=2**62)], conn: ConnDep) -> dict[str, Any]:
    """The text exactly as stored and every event, statement, aggregate, entity and place with offsets."""
    art = rq.get_article(conn, article_id)
    if art is None:
        raise ApiError(404, f"no article {article_id}")
    return art


@router.post(
    "",
    response_model=Written,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    summary="Process and store one article (needs the write token)",
)
def post_article(body: ArticleIn, request: Request) -> dict[str, Any]:
    """Run the pipeline on the article and store it; refused (403) when the server is read-only."""
    from rasd.records import Article as ArticleRecord

    store = request.app.state.store
    nlp = request.app.state.pipeline()
    doc = nlp(ArticleRecord(**body.model_dump()))
    res = store.write(doc, origin="api")
    return {"status": res.status, "article_id": res.article_id, "events": res.events, "merged": res.merged}
