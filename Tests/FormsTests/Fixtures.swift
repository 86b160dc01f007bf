import Foundation
import TestSupport
@testable import Forms

enum Fixtures {
    static let form = Repository.form
    static let units = Repository.units
    static let parser = Repository.parser
    static let validJSON = Repository.exampleJSON

    static func temporaryFile(_ name: String, _ contents: [UInt8]) throws -> URL {
        try TestSupport.temporaryFile(name, contents)
    }
}
