-- wrk script: GET one of 100 seeded pods per request (infra/bench/api.sh seeds them).
local counter = 0

function request()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/namespaces/" .. os.getenv("BENCH_NS") .. "/pods/get-target-" .. (counter % 100),
    { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") })
end

function response(status, headers, body)
  if status ~= 200 then io.stderr:write("unexpected status " .. status .. "\n") end
end
