//! How values travel: enums that are strings on the wire and nothing else.

/// Implements `Serialize` and `Deserialize` for unit-only enums whose serde
/// derives carry `#[serde(remote = "Self")]` (which turns the derived code
/// into inherent functions), so that on the wire each is a string and only
/// a string. The plain derive also takes the externally tagged form
/// `{"accept": null}`, and serde_json reports a number there as a syntax
/// error; through a `String` first, anything but a string is an ordinary
/// "invalid type" at its field, and an unknown string is still "unknown
/// variant …, expected …".
#[macro_export]
macro_rules! string_enum {
    ($($ty:ty),+ $(,)?) => {$(
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                <$ty>::deserialize(::serde::de::IntoDeserializer::<D::Error>::into_deserializer(name))
            }
        }
    )+};
}

#[cfg(test)]
mod tests {
    use crate::api::ConsentDecision;
    use crate::caseworker::{Gender, Role};

    #[test]
    fn string_enums_are_strings_both_ways() {
        assert_eq!(
            serde_json::to_string(&ConsentDecision::Accept).unwrap(),
            r#""accept""#
        );
        assert_eq!(
            serde_json::from_str::<Role>(r#""counsellor""#).unwrap(),
            Role::Counsellor
        );
        assert_eq!(
            serde_json::from_str::<Gender>(r#""female""#).unwrap(),
            Gender::Female
        );
    }

    #[test]
    fn anything_but_a_known_string_is_refused() {
        for json in [r#"{"accept":null}"#, "1", "[]", "null", r#""maybe""#] {
            assert!(
                serde_json::from_str::<ConsentDecision>(json).is_err(),
                "{json}"
            );
        }
        let error = serde_json::from_str::<ConsentDecision>("1").unwrap_err();
        assert!(error.is_data(), "a type error, not a syntax error: {error}");
        let error = serde_json::from_str::<ConsentDecision>(r#""maybe""#).unwrap_err();
        assert!(
            error.to_string().contains("unknown variant `maybe`"),
            "{error}"
        );
    }
}
