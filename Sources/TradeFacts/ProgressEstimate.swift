/// The time left for the progress bar, from the bytes done so far.
///
/// The rate is measured from the first sample that shows progress, not from the start of the run
/// (engine start-up and the first batch would make it look tiny, and the first estimate read
/// thousands of seconds), and no estimate is given until ``minimumFraction`` of the bytes and
/// ``minimumSeconds`` of measured work are behind. Later estimates are smoothed, so one slow
/// document does not make the time left jump.
package struct ProgressEstimate: Sendable {
    /// The bytes of the whole run.
    package let totalBytes: Int
    /// The share of ``totalBytes`` done before the first estimate.
    package var minimumFraction = 0.05
    /// The seconds of measured work before the first estimate.
    package var minimumSeconds = 1.0
    /// Weight of the newest estimate against the previous one.
    package var smoothing = 0.3
    private var first: (bytes: Int, seconds: Double)? = nil
    private var previous: Double? = nil

    package init(totalBytes: Int) { self.totalBytes = totalBytes }

    /// Seconds left after `bytes` done in `seconds` since the run began; nil while too little is known.
    package mutating func secondsLeft(bytes: Int, seconds: Double) -> Double? {
        guard totalBytes > 0, bytes > 0 else { return nil }
        guard let first else { self.first = (bytes, seconds); return nil }
        let span = seconds - first.seconds, done = bytes - first.bytes
        guard span >= minimumSeconds, Double(bytes) >= minimumFraction * Double(totalBytes), done > 0 else { return nil }
        let estimate = Double(max(0, totalBytes - bytes)) / (Double(done) / span)
        let smoothed = previous.map { smoothing * estimate + (1 - smoothing) * $0 } ?? estimate
        previous = smoothed
        return smoothed
    }
}
