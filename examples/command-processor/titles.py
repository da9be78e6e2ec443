import json, re, sys
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
HREF = re.compile(r"""<a\s[^>]*href=["']([^"'#]+)""", re.I)
for line in sys.stdin:                       # one page per line, until Trawl closes stdin
    page = json.loads(line)
    body = page.get("body", "")              # "body_base64" instead when it is not UTF-8
    found = TITLE.search(body)
    items = [{"title": " ".join(found.group(1).split())}] if found else []
    answer = {"id": page["id"], "items": items, "links": HREF.findall(body)}
    print(json.dumps(answer), flush=True)    # one line per page; flush, or Trawl waits
