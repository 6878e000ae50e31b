"""Charts: matplotlib ``Figure`` objects (never pyplot) rendered to SVG, cached by the hash of
their inputs, and served as separate image responses.

Why separate responses: matplotlib's SVG uses ``style`` attributes, which the page's strict
Content-Security-Policy forbids inline. An SVG shown through ``<img>`` cannot run scripts, so its
own response may allow those styles. Every chart on a page comes with a table alternative
(``templates/macros/charts.html``).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock

import matplotlib

matplotlib.use("Agg")  # no display in a server; set before any figure is made

from flask import Response, request  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

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
_CACHE_SIZE = 256
_cache: OrderedDict[str, str] = OrderedDict()
_lock = Lock()


def inputs_hash(name: str, inputs) -> str:
    """A stable hash of a chart's name and the data it is drawn from."""
    payload = json.dumps([name, inputs], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


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
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key], key
    svg = render_svg(draw, **size)
    with _lock:
        _cache[key] = svg
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return svg, key


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
