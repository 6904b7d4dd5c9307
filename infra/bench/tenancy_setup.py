#!/usr/bin/env python3
"""Creates the tenancy benchmark's tenants through the API, as an admin would: N teams, each with one
developer user, M namespaces labelled with the team, a ResourceQuota in every namespace and a
team-wide quota. Prints the first team's developer token and its namespaces (one per line after it).
Usage: tenancy_setup.py <api url> <admin token> <run id> [teams=100] [namespaces per team=10]"""
import http.client
import json
import sys
import urllib.parse

url, admin_token, run = sys.argv[1], sys.argv[2], sys.argv[3]
teams = int(sys.argv[4]) if len(sys.argv) > 4 else 100
per_team = int(sys.argv[5]) if len(sys.argv) > 5 else 10
parsed = urllib.parse.urlparse(url)
connection = http.client.HTTPConnection(parsed.hostname, parsed.port)


def call(method, path, body, token=admin_token, expect=(200, 201)):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, json.dumps(body), headers)
    response = connection.getresponse()
    data = response.read()
    if response.status not in expect:
        sys.exit(f"{method} {path}: {response.status} {data.decode()}")
    return json.loads(data) if data else {}


quota = {"pods": "1000000", "requests.cpu": "100000", "requests.memory": "100Ti", "configmaps": "1000", "secrets": "1000",
         "services": "1000", "count/deployments.apps": "1000"}
first_token, first_namespaces = None, []
for t in range(teams):
    team, user, password = f"bench-{run}-{t}", f"bench-{run}-{t}-dev", f"pw-{run}-{t}-long-enough"
    call("POST", "/paas/v1/users", {"name": user, "password": password})
    call("POST", "/apis/paas.dev/v1/teams", {"apiVersion": "paas.dev/v1", "kind": "Team", "metadata": {"name": team},
                                              "spec": {"members": [{"name": user, "role": "developer"}],
                                                       "quota": {"hard": {"pods": "10000000", "requests.cpu": "1000000"}}}})
    for n in range(per_team):
        ns = f"{team}-{n}"
        call("POST", "/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace",
                                            "metadata": {"name": ns, "labels": {"paas.dev/team": team}}})
        call("POST", f"/api/v1/namespaces/{ns}/resourcequotas", {"apiVersion": "v1", "kind": "ResourceQuota",
                                                                 "metadata": {"name": "compute"}, "spec": {"hard": quota}})
        if t == 0:
            first_namespaces.append(ns)
    if t == 0:
        first_token = call("POST", "/paas/v1/login", {"username": user, "password": password}, token=None)["token"]

print(first_token)
print("\n".join(first_namespaces))
