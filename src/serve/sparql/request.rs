//! Reading a protocol request: the parameters of the URL and of a form, the media type of a body, and the
//! operation they make (a query or an update, with its dataset and the SPARQL version asked for).
//!
//! Takes the raw URL query, the `Content-Type` header and the body; gives an [`Operation`], or a
//! [`ProtocolError`] that names the parameter or header at fault. Decoding is strict: a `%` not followed by
//! two hex digits, or bytes that are not UTF-8, are refused rather than replaced.

use super::ProtocolError;

/// The parameters of a URL query or a form body, decoded, in order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Params(pub Vec<(String, String)>);

impl Params {
    /// Decodes `application/x-www-form-urlencoded` text (`+` is a space); `place` names where it was read.
    pub fn decode(raw: &[u8], place: &'static str) -> Result<Self, ProtocolError> {
        let mut pairs = Vec::new();
        for part in raw.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
            let (name, value) = match part.iter().position(|b| *b == b'=') {
                Some(i) => (&part[..i], &part[i + 1..]),
                None => (part, &[][..]),
            };
            let name = unescape(name, place, None)?;
            let value = unescape(value, place, Some(&name))?;
            pairs.push((name, value));
        }
        Ok(Self(pairs))
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect()
    }

    /// The one value of `name`, if any; two or more are refused.
    pub fn one(&self, name: &str) -> Result<Option<&str>, ProtocolError> {
        match self.all(name).as_slice() {
            [] => Ok(None),
            [value] => Ok(Some(value)),
            values => Err(ProtocolError::Repeated { name: name.to_owned(), count: values.len() }),
        }
    }

    /// Whether `name` is present.
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    /// These parameters followed by `other`'s.
    pub fn merged(mut self, other: Params) -> Self {
        self.0.extend(other.0);
        self
    }
}

/// Percent-decodes one name or value.
fn unescape(raw: &[u8], place: &'static str, name: Option<&str>) -> Result<String, ProtocolError> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => bytes.push(b' '),
            b'%' => {
                let byte = raw.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match byte.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => bytes.push(b),
                    None => {
                        let near = String::from_utf8_lossy(&raw[i..raw.len().min(i + 3)]).into_owned();
                        return Err(ProtocolError::Encoding {
                            place,
                            name: name.map(str::to_owned),
                            message: format!("`{near}` is not a percent-encoded byte (`%` and two hex digits)"),
                        });
                    }
                }
                i += 2;
            }
            b => bytes.push(b),
        }
        i += 1;
    }
    String::from_utf8(bytes).map_err(|e| ProtocolError::Encoding {
        place,
        name: name.map(str::to_owned),
        message: format!("the decoded bytes are not UTF-8 ({e})"),
    })
}

/// A media type and its parameters, from a `Content-Type` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaType {
    /// `type/subtype`, in lower case.
    pub essence: String,
    /// The parameters, names in lower case.
    pub params: Vec<(String, String)>,
}

impl MediaType {
    /// Parses a header value; `None` when it has no `type/subtype`.
    pub fn parse(header: &str) -> Option<Self> {
        let mut parts = header.split(';');
        let essence = parts.next()?.trim().to_ascii_lowercase();
        let (kind, subtype) = essence.split_once('/')?;
        if kind.is_empty() || subtype.is_empty() {
            return None;
        }
        let params = parts
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().trim_matches('"').to_owned()))
            .collect();
        Some(Self { essence, params })
    }

    /// The value of parameter `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Query,
    Update,
}

/// A query or an update, with the dataset the request gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    pub kind: Kind,
    pub text: String,
    /// `default-graph-uri` (queries) or `using-graph-uri` (updates).
    pub default_graphs: Vec<String>,
    /// `named-graph-uri` (queries) or `using-named-graph-uri` (updates).
    pub named_graphs: Vec<String>,
    /// The `format` parameters, which override `Accept`. Several are taken when they name one format
    /// (SPARQLWrapper sends `format=tsv&format=text/tab-separated-values`).
    pub format: Vec<String>,
}

/// The media types a POST body may have.
pub const FORM: &str = "application/x-www-form-urlencoded";
pub const QUERY: &str = "application/sparql-query";
pub const UPDATE: &str = "application/sparql-update";

/// The SPARQL versions a request may announce (SPARQL 1.2 Protocol `version`).
const VERSIONS: &[&str] = &["1.1", "1.2"];

/// The operation of a GET: `query` in the URL; `None` when there is none (the service description).
pub fn from_get(url: Params, body: &[u8]) -> Result<Option<Operation>, ProtocolError> {
    if !body.is_empty() {
        return Err(ProtocolError::GetBody);
    }
    if url.has("update") {
        return Err(ProtocolError::UpdateByGet);
    }
    check_version(url.one("version")?)?;
    let Some(text) = url.one("query")?.map(str::to_owned) else {
        return Ok(None);
    };
    operation(Kind::Query, text, &url).map(Some)
}

/// The operation of a POST: a form, or a query or update as the body.
pub fn from_post(url: Params, content_type: Option<&str>, body: &[u8]) -> Result<Operation, ProtocolError> {
    let media = content_type
        .and_then(MediaType::parse)
        .ok_or_else(|| ProtocolError::MediaType { given: content_type.map(str::to_owned) })?;
    for name in ["query", "update"] {
        if url.has(name) {
            return Err(ProtocolError::InUrl { name });
        }
    }
    if let Some(charset) = media.param("charset").filter(|c| !c.eq_ignore_ascii_case("utf-8")) {
        return Err(ProtocolError::Charset { given: charset.to_owned() });
    }
    check_version(media.param("version"))?;
    let direct = |kind| {
        let text = String::from_utf8(body.to_vec()).map_err(|e| ProtocolError::Encoding {
            place: "request body",
            name: None,
            message: format!("the body is not UTF-8 ({e})"),
        })?;
        check_version(url.one("version")?)?;
        operation(kind, text, &url)
    };
    match media.essence.as_str() {
        QUERY => direct(Kind::Query),
        UPDATE => direct(Kind::Update),
        FORM => {
            let form = Params::decode(body, "form body")?;
            let all = url.merged(form);
            check_version(all.one("version")?)?;
            match (all.one("query")?, all.one("update")?) {
                (Some(_), Some(_)) => Err(ProtocolError::Both),
                (Some(query), None) => operation(Kind::Query, query.to_owned(), &all),
                (None, Some(update)) => operation(Kind::Update, update.to_owned(), &all),
                (None, None) => Err(ProtocolError::Missing),
            }
        }
        _ => Err(ProtocolError::MediaType { given: content_type.map(str::to_owned) }),
    }
}

fn operation(kind: Kind, text: String, params: &Params) -> Result<Operation, ProtocolError> {
    let (default, named) = match kind {
        Kind::Query => ("default-graph-uri", "named-graph-uri"),
        Kind::Update => ("using-graph-uri", "using-named-graph-uri"),
    };
    let owned = |name| params.all(name).into_iter().map(str::to_owned).collect::<Vec<_>>();
    Ok(Operation { kind, text, default_graphs: owned(default), named_graphs: owned(named), format: owned("format") })
}

fn check_version(version: Option<&str>) -> Result<(), ProtocolError> {
    match version {
        Some(v) if !VERSIONS.contains(&v) => Err(ProtocolError::Version { given: v.to_owned() }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_and_percent() {
        let params = Params::decode(b"query=ASK+%7B%7D&x&format=json", "URL").expect("decodes");
        assert_eq!(params.one("query").expect("one"), Some("ASK {}"));
        assert_eq!(params.one("x").expect("one"), Some(""));
        assert_eq!(params.one("format").expect("one"), Some("json"));
    }

    #[test]
    fn bad_percent_encoding_and_bad_utf8_are_refused() {
        let error = Params::decode(b"query=ASK%7", "URL").expect_err("a truncated escape");
        assert!(error.to_string().contains("`query`"), "{error}");
        assert!(Params::decode(b"query=%FF", "URL").is_err());
        assert!(Params::decode(b"query=%zz", "URL").is_err());
    }

    #[test]
    fn repeated_parameters_are_refused() {
        let params = Params::decode(b"query=a&query=b", "URL").expect("decodes");
        assert!(matches!(params.one("query"), Err(ProtocolError::Repeated { count: 2, .. })));
    }

    #[test]
    fn media_types_keep_their_parameters() {
        let media = MediaType::parse("Application/SPARQL-Query; charset=\"UTF-8\"; version=1.2").expect("parses");
        assert_eq!(media.essence, QUERY);
        assert_eq!(media.param("charset"), Some("UTF-8"));
        assert_eq!(media.param("version"), Some("1.2"));
        assert_eq!(MediaType::parse("garbage"), None);
    }

    #[test]
    fn a_post_names_its_operation() {
        let url = Params::decode(b"default-graph-uri=http%3A%2F%2Fa%2F", "URL").expect("decodes");
        let op = from_post(url, Some(FORM), b"query=ASK%7B%7D").expect("a query");
        assert_eq!((op.kind, op.text.as_str()), (Kind::Query, "ASK{}"));
        assert_eq!(op.default_graphs, vec!["http://a/".to_owned()]);
        let both = from_post(Params::default(), Some(FORM), b"query=a&update=b");
        assert!(matches!(both, Err(ProtocolError::Both)));
        let in_url = from_post(Params::decode(b"update=CLEAR+ALL", "URL").expect("decodes"), Some(FORM), b"");
        assert!(matches!(in_url, Err(ProtocolError::InUrl { name: "update" })));
        assert!(matches!(from_post(Params::default(), None, b"ASK{}"), Err(ProtocolError::MediaType { .. })));
    }

    #[test]
    fn versions_are_checked() {
        let get = |q: &[u8]| from_get(Params::decode(q, "URL").expect("decodes"), b"");
        assert!(get(b"query=ASK{}&version=1.2").is_ok());
        assert!(matches!(get(b"query=ASK{}&version=2.0"), Err(ProtocolError::Version { .. })));
        assert!(matches!(get(b"query=ASK{}&version=1.1&version=1.2"), Err(ProtocolError::Repeated { .. })));
    }
}
