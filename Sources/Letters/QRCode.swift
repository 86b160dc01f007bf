import CQRencode
import Forms

/// A QR code symbol (ISO/IEC 18004) of some bytes, made by libqrencode in byte mode at error
/// correction level M, drawn as an SVG of squares: printable, no script, no image file.
public struct QRCode: Sendable {
    /// The symbol's version (1…40); its width is 17 + 4 × version modules.
    public let version: Int
    /// Row-major, `true` for a dark module; `width × width`.
    public let modules: [Bool]
    public var width: Int { 17 + 4 * version }

    /// Encodes `text` as UTF-8 bytes; nil only if libqrencode cannot (more than a symbol holds).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let symbol = bytes.withUnsafeBufferPointer({ QRcode_encodeData(Int32($0.count), $0.baseAddress, 0, QR_ECLEVEL_M) }) else {
            return nil
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        version = Int(symbol.pointee.version)
        // libqrencode's module byte: bit 0 is dark, the other bits say which part of the symbol it is.
        modules = (0..<width * width).map { symbol.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * width + column] }

    /// The symbol with its quiet zone of four modules, `size` wide (CSS units), as one SVG path.
    public func svg(size: String, label: String) -> String {
        let quiet = 4, extent = width + 2 * quiet
        var path = ""
        for row in 0..<width {
            for column in 0..<width where isDark(row: row, column: column) {
                path += "M\(column + quiet) \(row + quiet)h1v1h-1z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(HTML.escape(label))" width="\(size)" height="\(size)" \
            viewBox="0 0 \(extent) \(extent)" shape-rendering="crispEdges"><rect width="\(extent)" height="\(extent)" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>
            """
    }
}
