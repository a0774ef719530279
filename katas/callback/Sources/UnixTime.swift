import KataHarness

extension VirtualClock {
    /// The clock's time in whole seconds since its start: this kata's stand-in for a Unix
    /// timestamp. Given: you do not write this.
    public var unixTime: Int { Int(now.offset.components.seconds) }
}
