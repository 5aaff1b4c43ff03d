-- Used by bench/pause.ts on wrk's baseline run: prints how many latency samples wrk recorded and
-- their sum, to compare with its response count (one sample per response expected).
done = function(summary, latency, requests)
  local samples, sum = 0, 0
  for i = 1, #latency do
    local value, count = latency(i)
    samples = samples + count
    sum = sum + value * count
  end
  io.write(string.format("wrk-latency-samples: %d sum-us: %d responses: %d\n", samples, sum, summary.requests))
end
