import Testing
@testable import KaleidoSchema

/// One message per keyword, as a consultant reads it.
@Suite struct KeywordMessageTests {
    @Test(arguments: [
        (#"{"properties": {"kind": {"enum": ["commune", "region"]}}}"#, #"{"kind": "communee"}"#,
         #"kind the string "communee" is not one of the allowed values: "commune", "region""#),
        (#"{"properties": {"v": {"const": 2}}}"#, #"{"v": 3}"#, "v must be 2, not the number 3"),
        (#"{"properties": {"name": {"maxLength": 3}}}"#, #"{"name": "Sfax!"}"#, "name is 5 characters long; at most 3 are allowed"),
        (#"{"properties": {"name": {"minLength": 1}}}"#, #"{"name": ""}"#, "name must not be empty"),
        (#"{"properties": {"themes": {"minItems": 1}}}"#, #"{"themes": []}"#, "themes has 0 items; at least 1 is required"),
        (#"{"properties": {"themes": {"uniqueItems": true}}}"#, #"{"themes": ["eau", "eau"]}"#,
         "themes has duplicate items (items 1 and 2 are equal)"),
        (#"{"dependentRequired": {"amount": ["currency"]}}"#, #"{"amount": 3}"#,
         #"property "currency" is required when "amount" is present"#),
        (#"{"properties": {"n": {"oneOf": [{"type": "integer"}, {"minimum": 0}]}}}"#, #"{"n": 3}"#,
         "n matches more than one alternative (1 and 2); it must match exactly one"),
        (#"{"properties": {"n": {"not": {"type": "null"}}}}"#, #"{"n": null}"#, "n (null) has a form that is not allowed here"),
        (#"{"propertyNames": {"pattern": "^[a-z_]+$"}}"#, #"{"Titre": 1}"#,
         #"property name "Titre" does not match the pattern ^[a-z_]+$"#),
        (#"{"properties": {"a": true}, "unevaluatedProperties": false}"#, #"{"a": 1, "b": 2}"#, #"unknown property "b""#),
        (#"{"properties": {"secret": false}}"#, #"{"secret": 1}"#, "secret is not allowed here"),
        (#"{"properties": {"codes": {"contains": {"const": "FR"}}}}"#, #"{"codes": ["TN"]}"#, "codes has no item of the required kind"),
        (#"{"properties": {"amount": {"exclusiveMinimum": 0}}}"#, #"{"amount": 0}"#, "amount 0 must be above 0"),
        (#"{"items": {"type": "string"}}"#, #"["a", 2]"#, "item 2 must be a string, not the number 2"),
        (#"{"properties": {"tags": {"items": {"type": "string"}}}}"#, #"{"tags": ["a", 2]}"#, "tags item 2 must be a string, not the number 2"),
        (#"{"type": "object"}"#, #"[]"#, "the value must be an object, not a list of 0 items"),
    ])
    func message(schema: String, instance: String, expected: String) throws {
        let validator = try Validator(schema: try JSONParser().parse(schema))
        let errors = validator.validate(try JSONParser().parse(instance)).errors
        #expect(errors.map(\.message) == [expected])
    }

    @Test func keyFindingsNameTheKey() throws {
        let validator = try Validator(schema: ["propertyNames": ["maxLength": 3], "additionalProperties": false, "properties": ["abc": true]])
        let errors = validator.validate(["abcd": 1]).errors
        #expect(errors.map(\.propertyName) == ["abcd", "abcd"])
        #expect(errors.map(\.instanceLocation) == ["/abcd", "/abcd"])
        #expect(errors.map(\.keyword) == ["additionalProperties", "maxLength"])
    }
}
