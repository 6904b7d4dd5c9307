-- wrk script: POST a new pod with a unique name per request, rotating over the namespaces in BENCH_NAMESPACES
-- (space-separated; infra/bench/tenancy.sh sets it and BENCH_TOKEN).
local counter = 0
local prefix
local namespaces = {}

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  prefix = string.format("c%06d", math.random(0, 999999))
  for ns in string.gmatch(os.getenv("BENCH_NAMESPACES"), "%S+") do table.insert(namespaces, ns) end
end

function request()
  counter = counter + 1
  local ns = namespaces[(counter % #namespaces) + 1]
  local body = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"' .. prefix .. "-" .. counter ..
    '","labels":{"bench":"api"}},"spec":{"containers":[{"name":"app","image":"paas/busybox:1",' ..
    '"command":["sleep","3600"],"resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}}'
  return wrk.format("POST", "/api/v1/namespaces/" .. ns .. "/pods",
    { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 201 then io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n") end
end
