#!/usr/bin/env python3
"""A stand-in for the GitHub REST API endpoints `gate comment` uses, for tests only.

Listens on 127.0.0.1 on an ephemeral port, prints the port on the first line of stdout,
and exits by itself after --lifetime seconds. Endpoints (also under an /api/v3 prefix,
as on GitHub Enterprise):
  GET   /user
  GET   /repos/OWNER/NAME/pulls/N                             (head.sha is HEAD_SHA)
  GET   /repos/OWNER/NAME/issues/N/comments?per_page=&page=   (Link rel="next")
  POST  /repos/OWNER/NAME/issues/N/comments
  PATCH /repos/OWNER/NAME/issues/comments/ID
  GET   /_mock/state      every comment and every request seen, for assertions
Tokens: token-user (login zkgate-bot), token-app (an app: /user is 403, posts as
github-actions[bot]), token-readonly (a fork PR's token: reads only).
Repos: octo/widgets (PR 7 seeded, PR 8 empty), octo/private (404), octo/escape (its
next-page link points to another host).
"""
import argparse
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MARKER = "<!-- zkgate -->"
TOKENS = {
    "token-user": {"login": "zkgate-bot", "type": "User", "can_write": True, "can_read_user": True},
    "token-app": {"login": "github-actions[bot]", "type": "Bot", "can_write": True, "can_read_user": False},
    "token-readonly": {"login": "fork-reader", "type": "User", "can_write": False, "can_read_user": True},
}
MAX_BODY = 65536
HEAD_SHA = "0123456789abcdef0123456789abcdef01234567"


class State:
    def __init__(self, foreign, max_per_page):
        self.lock = threading.Lock()
        self.max_per_page = max_per_page
        self.next_id = 1000
        self.requests = []
        self.comments = {("octo/widgets", 7): [], ("octo/widgets", 8): [], ("octo/escape", 7): []}
        seeds = [
            ("alice", "Looks good, but the bench is slow.\n"),
            ("alice", "Quoting the bot:\n" + MARKER + "\n> total steps +3%\n"),
            ("mallory", MARKER + "\nforged: I am the zkgate comment\n"),
            ("zkgate-bot", "note " + MARKER + " (marker not on the first line)\n"),
        ]
        seeds += [("user%d" % (i % 7), "foreign comment %d\n" % i) for i in range(foreign)]
        for login, body in seeds:
            self.add(("octo/widgets", 7), login, body)
        for i in range(max_per_page + 5):
            self.add(("octo/escape", 7), "alice", "escape %d\n" % i)

    def add(self, key, login, body):
        self.next_id += 1
        comment = {"id": self.next_id, "body": body, "user": {"login": login, "type": "User"},
                   "html_url": "https://github.example/%s/pull/%d#issuecomment-%d" % (key[0], key[1], self.next_id)}
        self.comments[key].append(comment)
        return comment


class Handler(BaseHTTPRequestHandler):
    server_version = "MockGitHub/1"

    def log_message(self, *args):
        pass

    def send_json(self, status, payload, headers=None):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def caller(self):
        auth = self.headers.get("Authorization", "")
        return TOKENS.get(auth[len("Bearer "):]) if auth.startswith("Bearer ") else None

    def route(self, method):
        state = self.server.state
        url = urlsplit(self.path)
        path = url.path[len("/api/v3"):] if url.path.startswith("/api/v3/") else url.path
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        with state.lock:
            if path == "/_mock/state":
                return self.send_json(200, {
                    "comments": {"%s#%d" % key: value for key, value in state.comments.items()},
                    "requests": state.requests})
            user = self.caller()
            state.requests.append({"method": method, "path": url.path, "query": url.query, "auth": user is not None,
                                   "user_agent": self.headers.get("User-Agent", "")})
            if user is None:
                return self.send_json(401, {"message": "Bad credentials"})
            if path == "/user" and method == "GET":
                if not user["can_read_user"]:
                    return self.send_json(403, {"message": "Resource not accessible by integration"})
                return self.send_json(200, {"login": user["login"], "type": user["type"]})
            match = re.fullmatch(r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments", path)
            if match:
                return self.comments(method, match.group(1), int(match.group(2)), url, body, user)
            match = re.fullmatch(r"/repos/([^/]+/[^/]+)/pulls/(\d+)", path)
            if match and method == "GET":
                if (match.group(1), int(match.group(2))) not in state.comments or match.group(1) == "octo/private":
                    return self.send_json(404, {"message": "Not Found"})
                return self.send_json(200, {"number": int(match.group(2)), "head": {"sha": HEAD_SHA}})
            match = re.fullmatch(r"/repos/([^/]+/[^/]+)/issues/comments/(\d+)", path)
            if match and method == "PATCH":
                return self.update(match.group(1), int(match.group(2)), body, user)
            return self.send_json(404, {"message": "Not Found"})

    def comments(self, method, repo, number, url, body, user):
        state = self.server.state
        key = (repo, number)
        if repo == "octo/private" or key not in state.comments:
            return self.send_json(404, {"message": "Not Found"})
        if method == "GET":
            query = parse_qs(url.query)
            per_page = min(int(query.get("per_page", ["30"])[0]), state.max_per_page)
            page = int(query.get("page", ["1"])[0])
            items = state.comments[key]
            chunk = items[(page - 1) * per_page: page * per_page]
            headers = {}
            if page * per_page < len(items):
                host = "http://example.invalid" if repo == "octo/escape" else "http://127.0.0.1:%d" % self.server.server_port
                headers["Link"] = '<%s%s?per_page=%d&page=%d>; rel="next", <%s%s?per_page=%d&page=%d>; rel="last"' % (
                    host, url.path, per_page, page + 1, host, url.path, per_page, (len(items) + per_page - 1) // per_page)
            return self.send_json(200, chunk, headers)
        if method == "POST":
            if not user["can_write"]:
                return self.refuse()
            text = json.loads(body)["body"]
            if len(text) > MAX_BODY:
                return self.send_json(422, {"message": "Validation Failed: body is too long (maximum is 65536 characters)"})
            return self.send_json(201, state.add(key, user["login"], text))
        return self.send_json(404, {"message": "Not Found"})

    def update(self, repo, comment_id, body, user):
        state = self.server.state
        if not user["can_write"]:
            return self.refuse()
        for (comment_repo, _), comments in state.comments.items():
            for comment in comments:
                if comment_repo == repo and comment["id"] == comment_id:
                    if comment["user"]["login"] != user["login"]:
                        return self.send_json(403, {"message": "editing someone else's comment"})
                    text = json.loads(body)["body"]
                    if len(text) > MAX_BODY:
                        return self.send_json(422, {"message": "Validation Failed"})
                    comment["body"] = text
                    return self.send_json(200, comment)
        return self.send_json(404, {"message": "Not Found"})

    def refuse(self):
        return self.send_json(403, {"message": "Resource not accessible by integration"},
                              {"X-Accepted-GitHub-Permissions": "issues=write; pull_requests=write"})

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def do_PATCH(self):
        self.route("PATCH")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--foreign", type=int, default=95, help="foreign comments seeded on octo/widgets#7")
    parser.add_argument("--max-per-page", type=int, default=40, help="page size cap, to force several pages")
    parser.add_argument("--lifetime", type=float, default=120.0, help="seconds before the server exits by itself")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.state = State(args.foreign, args.max_per_page)
    print(server.server_port, flush=True)
    threading.Thread(target=lambda: (time.sleep(args.lifetime), server.shutdown()), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
