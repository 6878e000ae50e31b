"""Charts are SVG from matplotlib Figures, cached by their inputs, served with their own policy."""

from workplace_planner.authorization import public
from workplace_planner.charts import cached_svg, chart_response, inputs_hash


def _bars(values):
    def draw(figure):
        axes = figure.add_subplot()
        axes.bar(range(len(values)), values)

    return draw


def test_the_same_inputs_give_the_same_svg_and_hash():
    first, key1 = cached_svg("test-bars", [1, 2, 3], _bars([1, 2, 3]))
    second, key2 = cached_svg("test-bars", [1, 2, 3], _bars([9, 9, 9]))  # cached: not redrawn
    assert first == second and key1 == key2
    assert first.lstrip().startswith("<?xml") and "<svg" in first
    assert inputs_hash("test-bars", [1, 2, 3]) != inputs_hash("test-bars", [1, 2, 4])


def test_chart_response_is_an_svg_with_an_etag_and_revalidates(make_app):
    app = make_app()

    def chart():
        return chart_response("test-line", [3, 1], _bars([3, 1]))

    app.add_url_rule("/chart.svg", "chart", public(chart))
    client = app.test_client()
    response = client.get("/chart.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert "script" not in response.headers["Content-Security-Policy"]
    again = client.get("/chart.svg", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
