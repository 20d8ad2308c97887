import Prometheus

extension SaringMetrics {
    /// A Prometheus factory over `registry`, with buckets fitted to Saring: request latencies from
    /// 0.5 ms (a cached page) to 10 s (the busy timeout), group-commit sizes up to the batch limit.
    public static func prometheusFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[Name.requestDuration] = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
        ]
        factory.valueHistogramBuckets[Name.groupCommitBatch] = [1, 2, 4, 8, 16, 32, 64, 128]
        return factory
    }
}
