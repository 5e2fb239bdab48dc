-- wrk script: print the latency percentiles wrk's --latency table leaves out (p95), in µs.
done = function(summary, latency, requests)
  io.write(string.format("PERCENTILES p50=%d p90=%d p95=%d p99=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99)))
end
