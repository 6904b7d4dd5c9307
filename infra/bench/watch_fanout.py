#!/usr/bin/env python3
"""Watch fan-out benchmark: N concurrent watchers on one namespace; the driver writes pods one at a
time and measures, for every watcher and write, the time from just before the write to the moment
the watcher reads the event. Prints p50/p99/max over all (watcher, write) pairs.
Usage: watch_fanout.py <api-url> <token> <namespace> [watchers=100] [writes=20]"""
import http.client, json, sys, threading, time, urllib.parse

url, token, ns = sys.argv[1], sys.argv[2], sys.argv[3]
watchers = int(sys.argv[4]) if len(sys.argv) > 4 else 100
writes = int(sys.argv[5]) if len(sys.argv) > 5 else 20
host = urllib.parse.urlparse(url)
headers = {"Authorization": "Bearer " + token}

def connect():
    return http.client.HTTPConnection(host.hostname, host.port, timeout=120)

conn = connect()
conn.request("GET", f"/api/v1/namespaces/{ns}/pods", headers=headers)
version = json.loads(conn.getresponse().read())["metadata"]["resourceVersion"]

seen = {}  # (watcher, name) -> monotonic time
lock = threading.Lock()
ready = threading.Barrier(watchers + 1)

def watch(i):
    c = connect()
    c.request("GET", f"/api/v1/namespaces/{ns}/pods?watch=true&resourceVersion={version}&timeoutSeconds=120", headers=headers)
    response = c.getresponse()
    ready.wait()
    got = 0
    while got < writes:
        line = response.readline()
        if not line:
            break
        event = json.loads(line)
        if event["type"] == "ADDED":
            with lock:
                seen[(i, event["object"]["metadata"]["name"])] = time.monotonic()
            got += 1

threads = [threading.Thread(target=watch, args=(i,), daemon=True) for i in range(watchers)]
for t in threads:
    t.start()
ready.wait()
time.sleep(1)

written = {}
body = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s"},"spec":{"containers":[{"name":"c","image":"paas/busybox:1"}]}}'
for n in range(writes):
    name = f"probe-{n}"
    written[name] = time.monotonic()
    conn.request("POST", f"/api/v1/namespaces/{ns}/pods", body=body % name, headers={**headers, "Content-Type": "application/json"})
    conn.getresponse().read()
    time.sleep(0.25)

for t in threads:
    t.join(timeout=30)
latencies = sorted((seen[(i, name)] - written[name]) * 1000 for (i, name) in seen)
missing = watchers * writes - len(latencies)
pick = lambda p: latencies[min(len(latencies) - 1, max(0, int(round(p * len(latencies))) - 1))] if latencies else float("nan")
print(f"watch  watchers={watchers} writes={writes} events={len(latencies)} missing={missing} "
      f"p50={pick(0.50):.1f}ms p99={pick(0.99):.1f}ms max={latencies[-1] if latencies else float('nan'):.1f}ms")
sys.exit(1 if missing else 0)
