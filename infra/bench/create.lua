-- wrk script: POST a new pod with a unique name per request (infra/bench/api.sh sets the globals).
local counter = 0
local prefix

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  prefix = string.format("c%06d", math.random(0, 999999))
end

function request()
  counter = counter + 1
  local body = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"' .. prefix .. "-" .. counter ..
    '","labels":{"bench":"api"}},"spec":{"containers":[{"name":"app","image":"paas/busybox:1",' ..
    '"command":["sleep","3600"],"resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}}'
  return wrk.format("POST", "/api/v1/namespaces/" .. os.getenv("BENCH_NS") .. "/pods",
    { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 201 then io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n") end
end
