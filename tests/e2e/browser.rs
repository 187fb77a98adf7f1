//! Headless Chromium for the published site's tests, driven over the
//! DevTools protocol on a pipe (`--remote-debugging-pipe`: commands on fd
//! 3, replies and events on fd 4, each a JSON message ended by a NUL), so
//! that a test sees what a reader's browser would: console errors, script
//! exceptions, resources that failed to load, and the rendered page.

use std::io::{BufRead, BufReader, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

/// The Chromium binary, if installed. Where `CI` is set it must be (CI
/// installs Debian's `chromium`); elsewhere a test without it skips.
pub fn chromium() -> Option<String> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
        if let Some(path) = found.filter(|p| !p.is_empty()) {
            return Some(path);
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but Chromium is not installed (.ci/run installs Debian's chromium)"
    );
    None
}

/// What loading a page showed.
pub struct Visit {
    /// Console errors, uncaught exceptions and failed loads, as text.
    pub errors: Vec<String>,
    /// The screenshot's RGBA pixels and width.
    pub pixels: Vec<u8>,
    pub width: usize,
    /// The page's title.
    pub title: String,
}

impl Visit {
    /// Writes the screenshot as a PNG file (for looking at by hand).
    pub fn save_png(&self, path: &std::path::Path) {
        let height = self.pixels.len() / 4 / self.width;
        let file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
        let mut encoder = png::Encoder::new(file, self.width as u32, height as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder
            .write_header()
            .unwrap()
            .write_image_data(&self.pixels)
            .unwrap();
    }

    /// The share of pixels that differ from the page's most common colour
    /// (a blank page has none).
    pub fn ink(&self) -> f64 {
        let mut counts = std::collections::HashMap::new();
        for pixel in self.pixels.chunks(4) {
            *counts.entry(pixel).or_insert(0usize) += 1;
        }
        let total: usize = counts.values().sum();
        let background = counts.values().max().copied().unwrap_or(0);
        (total - background) as f64 / total.max(1) as f64
    }
}

/// One headless browser.
pub struct Browser {
    child: Child,
    commands: std::fs::File,
    messages: Receiver<Value>,
    next_id: u64,
    session: String,
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: pipe fills the two descriptors it is given, which are then
    // owned here alone.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "pipe");
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

impl Browser {
    /// Starts Chromium headless, with a phone-to-desktop window `width` x
    /// `height`, everything that would reach the network off.
    pub fn start(binary: &str, profile: &std::path::Path, width: u32, height: u32) -> Browser {
        use std::os::fd::AsRawFd;
        let (command_read, command_write) = pipe();
        let (reply_read, reply_write) = pipe();
        let (theirs_in, theirs_out) = (command_read.as_raw_fd(), reply_write.as_raw_fd());
        let mut command = Command::new(binary);
        command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
            ])
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--user-data-dir={}", profile.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: between fork and exec only dup2 runs, which is
        // async-signal-safe.
        unsafe {
            command.pre_exec(move || {
                if libc::dup2(theirs_in, 3) < 0 || libc::dup2(theirs_out, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("chromium starts");
        drop(command_read);
        drop(reply_write);
        let (sender, messages) = channel();
        let reader = std::fs::File::from(reply_read);
        std::thread::spawn(move || {
            let mut reader = BufReader::new(reader);
            let mut message = Vec::new();
            while reader.read_until(0, &mut message).is_ok_and(|n| n > 0) {
                message.pop_if(|b| *b == 0);
                if let Ok(value) = serde_json::from_slice::<Value>(&message)
                    && sender.send(value).is_err()
                {
                    return;
                }
                message.clear();
            }
        });
        let mut browser = Browser {
            child,
            commands: std::fs::File::from(command_write),
            messages,
            next_id: 0,
            session: String::new(),
        };
        let target = browser.call(
            "Target.createTarget",
            json!({"url": "about:blank"}),
            &mut Vec::new(),
        );
        let target_id = target["targetId"].as_str().expect("a target").to_string();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
            &mut Vec::new(),
        );
        browser.session = attached["sessionId"].as_str().expect("a session").to_string();
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            browser.call(domain, json!({}), &mut Vec::new());
        }
        // The window has a minimum width; the viewport can be a phone's.
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}),
            &mut Vec::new(),
        );
        browser
    }

    /// Sends a command (to the page's session once attached) and waits
    /// for its reply; events that arrive meanwhile go to `events`.
    fn call(&mut self, method: &str, params: Value, events: &mut Vec<Value>) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.commands.write_all(&bytes).expect("chromium reads its pipe");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let reply = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("chromium did not answer {method}"));
            if reply["id"].as_u64() == Some(id) {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
            events.push(reply);
        }
    }

    /// The value of a JavaScript expression in the current page.
    pub fn evaluate(&mut self, expression: &str) -> Value {
        self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
            &mut Vec::new(),
        )["result"]["value"]
            .clone()
    }

    /// Loads `url`, waits for its load event and a moment for late
    /// messages, and takes a screenshot.
    pub fn visit(&mut self, url: &str) -> Visit {
        let mut events = Vec::new();
        self.call("Page.navigate", json!({"url": url}), &mut events);
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut loaded = events.iter().any(|e| e["method"] == "Page.loadEventFired");
        while !loaded {
            match self
                .messages
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(event) => {
                    loaded = event["method"] == "Page.loadEventFired";
                    events.push(event);
                }
                Err(RecvTimeoutError::Timeout) => panic!("{url} did not finish loading"),
                Err(RecvTimeoutError::Disconnected) => panic!("chromium went away loading {url}"),
            }
        }
        let settle = Instant::now() + Duration::from_millis(300);
        while let Ok(event) = self
            .messages
            .recv_timeout(settle.saturating_duration_since(Instant::now()))
        {
            events.push(event);
        }
        let title = self.call(
            "Runtime.evaluate",
            json!({"expression": "document.title", "returnByValue": true}),
            &mut events,
        )["result"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}), &mut events);
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("screenshot data"))
            .expect("base64");
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let frame = reader.next_frame(&mut pixels).expect("a frame");
        pixels.truncate(frame.buffer_size());
        let channels = frame.color_type.samples();
        let pixels: Vec<u8> = pixels
            .chunks(channels)
            .flat_map(|p| [p[0], p[1 % channels], p[2 % channels], 255])
            .collect();
        let errors = events
            .iter()
            .filter_map(|event| {
                let params = &event["params"];
                match event["method"].as_str()? {
                    "Runtime.consoleAPICalled" if params["type"] == "error" || params["type"] == "assert" => {
                        Some(format!(
                            "console.{}: {}",
                            params["type"].as_str().unwrap_or_default(),
                            params["args"]
                        ))
                    }
                    "Runtime.exceptionThrown" => Some(format!("exception: {}", params["exceptionDetails"])),
                    "Log.entryAdded" if params["entry"]["level"] == "error" => {
                        Some(format!("log: {}", params["entry"]["text"]))
                    }
                    _ => None,
                }
            })
            .collect();
        Visit {
            errors,
            width: frame.width as usize,
            pixels,
            title,
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
