"""Page weight: each public page type, with everything it loads, stays small.

Method: a fresh browser context (empty cache) loads the page at 320px and waits for its load
event (stylesheets and deferred scripts are in by then). Every request the page makes counts,
the document included. Each response body is gzip-compressed here (`gzip.compress`, level 9,
as nginx's gzip or a CDN would send it), so the number does not depend on whether the app
compresses itself; the compressed sizes are added up. Headers are not counted.
"""

import gzip

import pytest

from tests.browser.pages import PAGE_PARAMS, open_page

pytestmark = pytest.mark.browser

MAX_COMPRESSED_BYTES = 30 * 1024
MAX_REQUESTS = 5


@pytest.mark.parametrize(("path", "status"), PAGE_PARAMS)
def test_page_with_everything_it_loads_is_light(page, live_server, path, status):
    open_page(page, live_server, path, status)

    requests, responses = page.visit.requests, page.visit.responses
    assert len(requests) < MAX_REQUESTS, f"{path} made {len(requests)} requests: {requests}"
    sizes = {response.url: len(gzip.compress(response.body())) for response in responses}
    total = sum(sizes.values())
    assert total < MAX_COMPRESSED_BYTES, f"{path} weighs {total} bytes compressed: {sizes}"
    assert len(responses) == len(requests)  # every request was answered and weighed
