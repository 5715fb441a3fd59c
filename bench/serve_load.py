#!/usr/bin/env python3
"""A bounded load test of `citelint serve` on loopback: N checks of one draft
over C keep-alive connections. Prints requests per second, p50/p90/p99
latency, failures, and the server's resident memory after the first and the
last thousand requests (flat: no growth per request).

  bench/serve_load.py [--bin CITELINT] [--draft FILE] [--requests 10000] [--connections 16]
                      [--profile publish] [--workers N]

The draft defaults to ../shared/seed/openai-microsoft-partnership.txt, else a
generated one. Exit status 1 when a request fails.
"""
import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "..", "shared", "seed", "openai-microsoft-partnership.txt")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build/release/checker/cli/citelint"))
    ap.add_argument("--draft", default=SEED if os.path.exists(SEED) else "")
    ap.add_argument("--requests", type=int, default=10000)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--profile", default="publish")
    ap.add_argument("--workers", type=int, default=0)
    args = ap.parse_args()
    if args.draft:
        with open(args.draft, encoding="utf-8") as f:
            draft = f.read().encode()
    else:
        draft = ("".join(f"\u201cWe kept our promise, part {k},\u201d Odile Brandt said.{k}\n\n" for k in range(1, 30)) +
                 "Notes\n" + "".join(f"{k}. Harbour Gazette, report {k}\n" for k in range(1, 30))).encode()
    cmd = [args.bin, "serve", "--listen", "127.0.0.1:0"] + (["--workers", str(args.workers)] if args.workers else [])
    server = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    m = re.search(r":(\d+) \((\d+) workers\)", line)
    if not m:
        server.kill()
        sys.exit(f"the server did not start: {line}")
    port, workers = int(m.group(1)), int(m.group(2))
    threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()  # drain the access log

    lock = threading.Lock()
    latencies, failures = [], []
    done = [0]
    rss = {}
    next_request = [0]

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if next_request[0] >= args.requests:
                    break
                next_request[0] += 1
            start = time.perf_counter()
            try:
                conn.request("POST", f"/v1/check?profile={args.profile}&path=draft.txt", body=draft,
                             headers={"Content-Type": "text/plain; charset=utf-8"})
                r = conn.getresponse()
                body = r.read()
                ok = r.status == 200 and body.startswith(b"{")
            except (OSError, http.client.HTTPException) as e:
                ok, body = False, str(e).encode()
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                if not ok:
                    failures.append(body[:200])
                done[0] += 1
                if done[0] == 1000:
                    rss["first"] = rss_mb(server.pid)
                if done[0] == args.requests:
                    rss["last"] = rss_mb(server.pid)
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    server.send_signal(signal.SIGTERM)
    code = server.wait(timeout=30)
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    print(f"{args.requests} checks of {len(draft)} bytes ({args.profile}), {args.connections} connections, "
          f"{workers} workers: {args.requests / wall:.0f} requests/s over {wall:.1f} s; "
          f"latency p50 {pct(50):.1f} ms, p90 {pct(90):.1f} ms, p99 {pct(99):.1f} ms; {len(failures)} failed; "
          f"RSS {rss.get('first', 0):.1f} MB after 1,000, {rss.get('last', 0):.1f} MB after {args.requests:,}; "
          f"server exit {code}")
    for f in failures[:5]:
        print("  failed:", f)
    sys.exit(1 if failures or code != 0 else 0)


if __name__ == "__main__":
    main()
