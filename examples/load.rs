//! A load test of `qingpu-kg serve`: many clients, each sending a fixed number of requests over one
//! keep-alive connection, cycling through a mix of requests. It counts every answer that is not 200, gives the
//! throughput and the latency percentiles, and samples the server's resident memory (from `/proc/PID/status`)
//! to show whether it stays flat. Exits 1 on any error or when memory grows past the allowance.
//!
//! ```text
//! cargo run --release --example load -- --url http://127.0.0.1:7878 --pid 1234 \
//!     --clients 50 --requests 10000 --get '/sparql?query=ASK%7B%7D' --post-query 'SELECT * { ?s ?p ?o } LIMIT 1'
//! ```

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One request of the mix.
#[derive(Clone)]
enum Request {
    Get(String),
    PostQuery(String),
}

struct Args {
    url: String,
    pid: Option<u32>,
    clients: usize,
    requests: usize,
    mix: Vec<Request>,
    /// Growth of resident memory allowed between 10 % of the requests and the end, in MiB.
    max_growth_mib: f64,
}

fn parse_args() -> Result<Args, String> {
    let mut args =
        Args { url: String::new(), pid: None, clients: 50, requests: 10_000, mix: Vec::new(), max_growth_mib: 16.0 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        let number = |v: String| v.parse::<usize>().map_err(|e| format!("{flag} {v}: {e}"));
        match flag.as_str() {
            "--url" => args.url = value()?.trim_end_matches('/').to_owned(),
            "--pid" => args.pid = Some(value()?.parse().map_err(|e| format!("--pid: {e}"))?),
            "--clients" => args.clients = number(value()?)?,
            "--requests" => args.requests = number(value()?)?,
            "--get" => args.mix.push(Request::Get(value()?)),
            "--post-query" => args.mix.push(Request::PostQuery(value()?)),
            "--max-growth-mib" => args.max_growth_mib = value()?.parse().map_err(|e| format!("{flag}: {e}"))?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if args.url.is_empty() || args.mix.is_empty() {
        return Err("give --url and at least one --get or --post-query".into());
    }
    Ok(args)
}

/// The resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// What one client saw.
#[derive(Default)]
struct Outcome {
    latencies_us: Vec<u32>,
    errors: Vec<String>,
}

fn client(args: &Args, id: usize, done: &AtomicU64) -> Outcome {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    let mut outcome = Outcome { latencies_us: Vec::with_capacity(args.requests), errors: Vec::new() };
    for i in 0..args.requests {
        let request = &args.mix[(id + i) % args.mix.len()];
        let start = Instant::now();
        let result = match request {
            Request::Get(path) => agent.get(format!("{}{path}", args.url)).header("accept", "*/*").call(),
            Request::PostQuery(query) => agent
                .post(format!("{}/sparql", args.url))
                .header("content-type", "application/sparql-query")
                .header("accept", "application/sparql-results+json")
                .send(query.as_bytes()),
        };
        let failure = match result {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let body = response.body_mut().with_config().limit(1 << 28).read_to_vec();
                match (status, body) {
                    (200, Ok(_)) => None,
                    (200, Err(e)) => Some(format!("reading the body: {e}")),
                    (status, body) => Some(format!(
                        "status {status}: {}",
                        body.map(|b| String::from_utf8_lossy(&b).lines().next().unwrap_or("").to_owned())
                            .unwrap_or_default()
                    )),
                }
            }
            Err(e) => Some(e.to_string()),
        };
        outcome.latencies_us.push(start.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
        if let Some(message) = failure {
            let what = match request {
                Request::Get(path) => format!("GET {path}"),
                Request::PostQuery(query) => format!("POST /sparql {query}"),
            };
            outcome.errors.push(format!("{what}: {message}"));
        }
        done.fetch_add(1, Ordering::Relaxed);
    }
    outcome
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    f64::from(sorted[rank]) / 1000.0
}

#[allow(clippy::print_stdout)]
fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => Arc::new(args),
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let total = (args.clients * args.requests) as u64;
    let done = Arc::new(AtomicU64::new(0));
    let finished = Arc::new(AtomicBool::new(false));
    // Memory samples: (requests done, RSS in KiB), twice a second.
    let sampler = args.pid.map(|pid| {
        let (done, finished) = (Arc::clone(&done), Arc::clone(&finished));
        std::thread::spawn(move || {
            let mut samples = Vec::new();
            while !finished.load(Ordering::Relaxed) {
                if let Some(rss) = rss_kib(pid) {
                    samples.push((done.load(Ordering::Relaxed), rss));
                }
                std::thread::sleep(Duration::from_millis(500));
            }
            samples.extend(rss_kib(pid).map(|rss| (done.load(Ordering::Relaxed), rss)));
            samples
        })
    });
    let start = Instant::now();
    let clients: Vec<_> = (0..args.clients)
        .map(|id| {
            let (args, done) = (Arc::clone(&args), Arc::clone(&done));
            std::thread::spawn(move || client(&args, id, &done))
        })
        .collect();
    let mut latencies = Vec::with_capacity(total as usize);
    let mut errors = Vec::new();
    for handle in clients {
        let outcome = handle.join().expect("a client thread ends");
        latencies.extend(outcome.latencies_us);
        errors.extend(outcome.errors);
    }
    let elapsed = start.elapsed();
    finished.store(true, Ordering::Relaxed);
    latencies.sort_unstable();
    println!(
        "{} clients × {} requests = {} requests in {:.1} s: {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        args.clients,
        args.requests,
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 50.0),
        percentile(&latencies, 99.0),
        percentile(&latencies, 100.0),
    );
    println!("errors: {}", errors.len());
    for error in errors.iter().take(10) {
        println!("  {error}");
    }
    let mut ok = errors.is_empty() && latencies.len() as u64 == total;
    if let Some(samples) = sampler.map(|s| s.join().expect("the sampler ends")) {
        let at = |share: f64| {
            let target = (total as f64 * share) as u64;
            samples.iter().find(|(n, _)| *n >= target).or(samples.last()).map(|(_, rss)| *rss)
        };
        let mib = |kib: u64| kib as f64 / 1024.0;
        let (early, end) = (at(0.1), samples.last().map(|(_, rss)| *rss));
        let peak = samples.iter().map(|(_, rss)| *rss).max();
        if let (Some(early), Some(end), Some(peak)) = (early, end, peak) {
            let growth = mib(end) - mib(early);
            println!(
                "server memory (RSS): {:.1} MiB after 10 % of the requests, {:.1} MiB at 50 %, {:.1} MiB at the end, peak {:.1} MiB; growth {:+.1} MiB (allowed {:.0})",
                mib(early),
                at(0.5).map_or(0.0, mib),
                mib(end),
                mib(peak),
                growth,
                args.max_growth_mib
            );
            ok &= growth <= args.max_growth_mib;
        } else {
            println!("server memory: no samples of process {:?}", args.pid);
            ok = false;
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
