"""Charts: matplotlib ``Figure`` objects (never pyplot) rendered to SVG, cached by the hash of
their inputs, and served as separate image responses.

Why separate responses: matplotlib's SVG uses ``style`` attributes, which the page's strict
Content-Security-Policy forbids inline. An SVG shown through ``<img>`` cannot run scripts, so its
own response may allow those styles. Every chart on a page comes with a table alternative
(``templates/macros/charts.html``).
"""

from __future__ import annotations

import io
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")  # no display in a server; set before any figure is made

from flask import Response, request  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from workplace_planner.content_cache import ContentCache, inputs_hash  # noqa: E402, F401

SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
# A colour-blind-safe palette (Okabe-Ito) with enough contrast on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000")
RC = {
    "svg.hashsalt": "workplace-planner",  # stable ids: the same input gives the same bytes
    "svg.fonttype": "none",  # text stays text: smaller, searchable, scales
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_cache = ContentCache(256)


def render_svg(draw: Callable[[Figure], None], width: float = 8.0, height: float = 4.5) -> str:
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(width, height), layout="constrained")
        draw(figure)
        buffer = io.StringIO()
        FigureCanvasSVG(figure).print_svg(buffer)
    return buffer.getvalue()


def cached_svg(name: str, inputs, draw: Callable[[Figure], None], **size) -> tuple[str, str]:
    """(svg, etag): drawn once per distinct input; the key is the hash of name and inputs.

    The cache is per process and only ever holds what the inputs determine, so several workers
    each keep their own copy and none can serve a stale chart.
    """
    key = inputs_hash(name, [inputs, size])
    return _cache.get_or_make(key, lambda: render_svg(draw, **size)), key


def svg_response(svg: str, etag: str) -> Response:
    if request.if_none_match and etag in request.if_none_match:
        response = Response(status=304)
    else:
        response = Response(svg, mimetype="image/svg+xml")
    response.set_etag(etag)
    response.headers["Content-Security-Policy"] = SVG_POLICY
    response.headers["Cache-Control"] = "private, no-cache"  # revalidate: the ETag is cheap
    return response


def chart_response(name: str, inputs, draw: Callable[[Figure], None], **size) -> Response:
    svg, etag = cached_svg(name, inputs, draw, **size)
    return svg_response(svg, etag)
