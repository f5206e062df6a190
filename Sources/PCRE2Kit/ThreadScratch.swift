import Foundation

extension MatchScratch {
    /// The key of each thread's scratch; the scratch is released when its thread ends.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { p in if let p { Unmanaged<MatchScratch>.fromOpaque(p).release() } }
        return key
    }()

    /// The current thread's own scratch, created on its first use and released when the thread
    /// ends. Each thread gets a different one, so it is safe to use without locking (a pthread key: cheaper than
    /// Foundation's thread dictionary, which hashes a string on every call).
    public static var forCurrentThread: MatchScratch {
        if let p = pthread_getspecific(threadKey) { return Unmanaged<MatchScratch>.fromOpaque(p).takeUnretainedValue() }
        let s = MatchScratch()
        pthread_setspecific(threadKey, Unmanaged.passRetained(s).toOpaque())
        return s
    }
}
