import GRDB
import SaringCore

// The core's string enums as they are stored (the schema's CHECKs list the same values).
extension HitAction: DatabaseValueConvertible {}
extension RuleField: DatabaseValueConvertible {}
extension DecisionAction: DatabaseValueConvertible {}
