"""perfxl as an offline web page: the same checks and scores in the browser, with no Python on
the user's PC and nothing sent anywhere.

``perfxl web build OUT/`` (``perfxl.web.build.build_page``) writes a static folder that any web
server can serve (an intranet IIS, nginx, Apache, ``python -m http.server``):

* ``index.html``, ``app.js`` (the page), ``worker.js`` (runs Pyodide off the page's thread so
  progress shows), ``style.css``, ``web.config`` (MIME types for IIS);
* ``pyodide/``: the Pyodide core (Python compiled to WebAssembly) from the pinned npm package
  ``pyodide`` (``PYODIDE_VERSION``);
* ``wheels/``: perfxl as a wheel and the pure-Python wheels the checks need (``PAGE_PACKAGES``),
  with ``wheels/index.json`` listing them;
* ``examples/``: the bundled example workbooks, to try the page;
* ``lite/``: ``main.py`` and ``requirements.txt`` for xlwings Lite (scripts 校验 / 评分 / 清除标记
  over ``perfxl.api``, the ribbon's handlers), the wheel named by its address on the server.

In the page, ``perfxl.web.run`` does the work.  Every request goes to the server the page came
from; there is no CDN.
"""

#: The npm package ``pyodide`` the page is built with (Python 3.14 in WebAssembly).
PYODIDE_VERSION = "314.0.8"

#: Distributions the page installs besides perfxl, by their names on PyPI: pure-Python wheels
#: (py3-none-any), at the versions installed beside the perfxl that builds the page.
PAGE_PACKAGES = ("openpyxl", "et-xmlfile", "defusedxml", "cn2an", "proces")
