import Foundation
import SaringCore

/// A labeled CSV file (header row, a text column, a 1/0 label column) as `(text, label)` rows,
/// read for `policy eval` and `policy train` alike, with errors that name the file, row and column.
struct LabeledDataset {
    var rows: [(text: String, label: Bool)]

    init(path: String, textColumn: String, labelColumn: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read file") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): not UTF-8 text") }
        let table: [[String]]
        do { table = try CSVReader.rows(text) } catch { throw CLIError("\(path): \(error)") }
        guard let header = table.first else { throw CLIError("\(path): empty file") }
        guard let textIndex = header.firstIndex(of: textColumn) else {
            throw CLIError("\(path): no column '\(textColumn)' (columns: \(header.joined(separator: ", ")))")
        }
        guard let labelIndex = header.firstIndex(of: labelColumn) else {
            throw CLIError("\(path): no column '\(labelColumn)' (columns: \(header.joined(separator: ", ")))")
        }
        rows = []
        rows.reserveCapacity(table.count - 1)
        for (offset, row) in table.dropFirst().enumerated() {
            guard row.count > max(textIndex, labelIndex) else {
                throw CLIError("\(path): row \(offset + 2) has \(row.count) fields, expected \(header.count)")
            }
            let label = row[labelIndex].trimmingCharacters(in: .whitespaces).lowercased()
            guard let actual = ["1": true, "true": true, "yes": true, "0": false, "false": false, "no": false][label] else {
                throw CLIError("\(path): row \(offset + 2): label '\(row[labelIndex])' is not 1/0, true/false or yes/no")
            }
            rows.append((row[textIndex], actual))
        }
    }
}
