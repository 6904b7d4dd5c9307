-- wrk: each connection waits 8 ms before each request, so 8 connections send about 1,000 requests/s
-- (the gateway benchmark's "added p99 at 1,000 requests/s").
function delay()
  return 8
end
