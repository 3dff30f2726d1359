//! The HTTP client that sends webhooks: no redirects, no proxy, a timeout
//! for each attempt, at most [`MAX_RESPONSE_BYTES`] of the answer read,
//! and only public addresses (see [`super::address`]). Names are resolved
//! by [`PublicOnly`], which drops every non-public address before reqwest
//! connects, so the address checked is the address used (a name that
//! resolves differently the second time cannot slip through).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::HeaderMap;

use super::address::is_public;

/// The most of a receiver's answer that is read; the rest is dropped.
pub const MAX_RESPONSE_BYTES: usize = 64 * 1024;

/// What an attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// The receiver answered with this status.
    Answered(u16),
    /// No answer: refused, unreachable, timed out. Says what happened,
    /// without the request's content.
    Failed(String),
}

/// The client and its rules.
#[derive(Debug, Clone)]
pub struct Outbound {
    client: reqwest::Client,
    allow_private: bool,
}

impl Outbound {
    /// A client whose attempts take at most `timeout`; `allow_private`
    /// lifts the address rule and allows `http://` (tests, closed networks).
    pub fn new(allow_private: bool, timeout: Duration) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(5)))
            .user_agent("Kartlegg-Webhooks/1")
            .dns_resolver(Arc::new(PublicOnly { allow_private }))
            .build()?;
        Ok(Self {
            client,
            allow_private,
        })
    }

    /// Posts `body` with `headers` to `url`.
    pub async fn post(&self, url: &str, headers: HeaderMap, body: Vec<u8>) -> Sent {
        if let Some(why) = refusal(url, self.allow_private) {
            return Sent::Failed(format!("refused: {why}"));
        }
        let response = self
            .client
            .post(url)
            .headers(headers)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await;
        let mut response = match response {
            Ok(response) => response,
            Err(error) => return Sent::Failed(describe(&error)),
        };
        let status = response.status().as_u16();
        // Read (a bounded part of) the answer so the connection can be
        // reused; its content is not kept.
        let mut read = 0;
        while read < MAX_RESPONSE_BYTES {
            match response.chunk().await {
                Ok(Some(chunk)) => read += chunk.len(),
                Ok(None) | Err(_) => break,
            }
        }
        Sent::Answered(status)
    }
}

/// Why `url` may not be a receiver, as far as it can be told without
/// resolving its name; `None` when it may.
pub fn refusal(url: &str, allow_private: bool) -> Option<&'static str> {
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return Some("not a URL");
    };
    match parsed.scheme() {
        "https" => {}
        "http" if allow_private => {}
        _ => return Some("not https"),
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some("credentials in the URL");
    }
    let Some(host) = parsed.host_str() else {
        return Some("no host");
    };
    if allow_private {
        return None;
    }
    // Names are checked when a delivery is sent, by the resolver: what a
    // name resolves to may change after it was registered.
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let private_ip = host.parse::<IpAddr>().is_ok_and(|ip| !is_public(ip));
    private_ip.then_some("not a public address")
}

/// An error as the attempt log shows it: the kind, not the URL.
fn describe(error: &reqwest::Error) -> String {
    use std::error::Error as _;
    let kind = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else if error.is_request() {
        "the request failed"
    } else {
        "no answer"
    };
    // The innermost cause says why (refused address, TLS, reset), without
    // the URL reqwest puts in its own message.
    let mut cause: Option<&dyn std::error::Error> = error.source();
    let mut last = None;
    while let Some(c) = cause {
        last = Some(c.to_string());
        cause = c.source();
    }
    match last {
        Some(why) => format!("{kind}: {why}"),
        None => kind.to_owned(),
    }
}

/// Resolves names to their public addresses only.
#[derive(Debug)]
struct PublicOnly {
    allow_private: bool,
}

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let all: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = all
                .into_iter()
                .filter(|a| allow_private || is_public(a.ip()))
                .collect();
            if allowed.is_empty() {
                return Err(Box::new(Refused(host)) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

/// A name that resolves to no public address.
#[derive(Debug)]
struct Refused(String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "refused: {} has no public address", self.0)
    }
}

impl std::error::Error for Refused {}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{Outbound, Sent, refusal};

    #[test]
    fn only_https_to_public_hosts_is_accepted_without_the_test_setting() {
        let strict = |url| refusal(url, false);
        assert_eq!(strict("https://example.no/hook"), None);
        assert_eq!(strict("http://example.no/hook"), Some("not https"));
        assert_eq!(
            strict("https://127.0.0.1/hook"),
            Some("not a public address")
        );
        assert_eq!(
            strict("https://169.254.169.254/latest/meta-data"),
            Some("not a public address")
        );
        assert_eq!(strict("https://[::1]:8443/"), Some("not a public address"));
        assert_eq!(
            strict("https://user:pw@example.no/"),
            Some("credentials in the URL")
        );
        assert_eq!(refusal("http://127.0.0.1:9000/hook", true), None);
    }

    #[tokio::test]
    async fn a_name_that_resolves_to_loopback_is_refused_after_resolution() {
        let strict = Outbound::new(false, Duration::from_secs(2)).unwrap();
        // `localhost` passes the URL check (names are not resolved there)
        // but resolves to loopback only; the resolver drops it.
        let sent = strict
            .post("https://localhost/hook", Default::default(), Vec::new())
            .await;
        let Sent::Failed(why) = sent else {
            panic!("sent to loopback: {sent:?}");
        };
        assert!(why.contains("refused"), "{why}");
    }
}
