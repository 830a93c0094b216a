import DiversityKit
import Foundation

/// Whether `a` is within `relative` of `b` (absolute near zero).
func close(_ a: Double, _ b: Double, _ relative: Double = 1e-9) -> Bool {
    abs(a - b) <= relative * max(1, abs(b))
}

