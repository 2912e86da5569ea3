#!/usr/bin/env python3
"""The time inside the sandbox of one request, as the service reports it (metadata.executionTimeMs), over many
sequential runs against each server given: min, median and 90th percentile, after a warm-up.

  python3 ScriptRunner.Benchmarks/execution-time.py [--runs 200] [--handler] [--engine jint|v8] URL...

--handler sends the seed-000 request (an ES module whose default export answers {statusCode: 200, body: 'OK'}) in
place of the script 1+1.
"""
import json
import statistics
import sys
import urllib.request

args = sys.argv[1:]
runs, engine, handler, urls = 200, "jint", False, []
while args:
    arg = args.pop(0)
    if arg == "--runs":
        runs = int(args.pop(0))
    elif arg == "--engine":
        engine = args.pop(0)
    elif arg == "--handler":
        handler = True
    else:
        urls.append(arg)
if not urls:
    sys.exit(__doc__)

if handler:
    body = {"code": "export default async (req) => ({ statusCode: 200, body: 'OK' })", "handler": "handler",
            "request": {"method": "GET", "url": "/", "headers": {}, "body": "", "query": {}}, "engine": engine}
else:
    body = {"code": "1+1", "engine": engine}
data = json.dumps(body).encode()


def run(url):
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    if not answer["success"]:
        sys.exit(f"{url}: {answer['errorType']} {answer['error']}")
    return answer["metadata"]["executionTimeMs"]


with open("/proc/loadavg") as f:
    print(f"load average {f.read().strip()}; {'seed-000 handler' if handler else '1+1'} on {engine}, {runs} runs")
times = {url: [] for url in urls}
for url in urls:
    for _ in range(50):
        run(url)
for _ in range(runs):
    for url in urls:
        times[url].append(run(url))
for url in urls:
    values = sorted(times[url])
    print(f"{url}: executionTimeMs min {values[0]:.4f}  median {statistics.median(values):.4f}  p90 {values[int(len(values) * 0.9)]:.4f}")
