//! Reading a workbook in a child process of the same binary, under limits.
//!
//! Guards in the process (`jaga.rs`) answer the claims we know a file can make. A reader we
//! do not control can still abort ("memory allocation of 137 GB failed"; an abort cannot be
//! caught), loop forever on a truncated file, or grow without bound on a self-looping FAT
//! chain. So the `lkjip` binary reads workbooks in `lkjip __baca-buku-kerja MB DETIK`: the
//! child limits its own address space (`RLIMIT_AS`) and CPU time (`RLIMIT_CPU`, moved on
//! per file), opens each workbook it is sent with the same code a library user gets
//! ([`buka`]), and streams the sheet names and each asked-for sheet's cells back on stdout
//! in frames. The parent kills it at the file's deadline and turns how it ended (an error
//! frame, an allocation failure on its stderr, a signal) into one Indonesian message.
//!
//! A child serves many files, one at a time: with a process started per file, `konversi`
//! on 500 DPA took 6.7 s of CPU time, with the children kept 4.0 s (BENCHMARKS.md). Children wait in a pool between
//! files; only one whose every request ended cleanly within the deadline goes back, so a
//! file that makes the reader fail, stop or overrun its time ends that child, and the next
//! file gets a fresh one. Every `BERKAS_PER_ANAK` files a child is replaced anyway.
//!
//! What the child stands guard over belongs in calamine, and the guard stays after calamine
//! fixes it: the dense allocation for a far cell (xlsb/xls `Range::from_sparse`, C1/C2;
//! tafia/calamine PR #661, ToucanToco/fastexcel#487), a DIMENSIONS record's `cells.reserve`
//! (xls.rs:667, C3), ODS repeat counts expanded before any cap (tafia/calamine#594, closed,
//! yet 0.38 still takes 900 MB on D1/D2), the self-looping FAT chain (cfb.rs:340, D4), the
//! ODS reader that loops at end of a truncated file (E1; no upstream issue found), and the
//! panics on damaged xlsb/xls records (B1–B8; cf. tafia/calamine#666, #612).
//!
//! Frames: a tag byte, a u32 length (little endian), the payload. Child → parent: `L` sheet
//! names, `G` merged regions of the sheet asked for, `C` a batch of cells, `S` the sheet is
//! done, `E` an error. Parent → child, framed alike: `B` a file to open (its path's bytes),
//! `L` a sheet of it to read (its name); end of stdin ends the child.

use super::{Baris, Batas, Buku, Gabungan, GalatBaca, Isi, Perakit, Tujuan, buka, jaga};
use std::ffi::OsString;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// The hidden first argument that makes `lkjip` the reading child.
pub const PERINTAH_ANAK: &str = "__baca-buku-kerja";

const B_LEMBAR: u8 = b'L';
const B_GABUNGAN: u8 = b'G';
const B_SEL: u8 = b'C';
const B_SELESAI: u8 = b'S';
const B_GALAT: u8 = b'E';
/// Parent → child: open this file (its path's bytes), read this sheet (its name).
const M_BUKA: u8 = b'B';
const M_LEMBAR: u8 = b'L';
/// Bytes of cells gathered before a `C` frame is written.
const UKURAN_KIRIMAN: usize = 1 << 16;
/// What one cell is counted as in the parent beside its text: the row, the tree node and
/// the recognised values it becomes. Measured: `susun` peaks at 98 MB for the 85k-row
/// benchmark (597k cells) and 374 MB for 344k rows (2.43M cells), 155–165 bytes a cell all
/// told, text (14 bytes a cell) included.
const BIAYA_SEL: u64 = 120;
/// The share of the memory bound the parent's cells may be counted at: at the bound the
/// 344k-row run's proportions give about 460 MB in all.
const BAGIAN_INDUK: (u64, u64) = (4, 5);

/// What the cells received in this process so far are counted as, over all files: every
/// document is held until the tables are written.
static TERPAKAI: AtomicU64 = AtomicU64::new(0);

// ---- encoding ---------------------------------------------------------------------------

fn tulis_teks(buf: &mut Vec<u8>, s: &str) {
    buf.extend_from_slice(&(s.len() as u32).to_le_bytes());
    buf.extend_from_slice(s.as_bytes());
}

/// Reads what [`tulis_teks`] wrote; `None` on a short or non-UTF-8 payload.
fn baca_teks(p: &mut &[u8]) -> Option<String> {
    let n = baca_u32(p)? as usize;
    if p.len() < n {
        return None;
    }
    let (teks, sisa) = p.split_at(n);
    *p = sisa;
    String::from_utf8(teks.to_vec()).ok()
}

fn baca_u32(p: &mut &[u8]) -> Option<u32> {
    let (a, sisa) = p.split_first_chunk::<4>()?;
    *p = sisa;
    Some(u32::from_le_bytes(*a))
}

fn tulis_sel(buf: &mut Vec<u8>, r: u32, c: u32, isi: &Isi) {
    buf.extend_from_slice(&r.to_le_bytes());
    buf.extend_from_slice(&c.to_le_bytes());
    match isi {
        Isi::Kosong => buf.push(0),
        Isi::Teks(t) => {
            buf.push(1);
            tulis_teks(buf, t);
        }
        Isi::Angka(f) => {
            buf.push(2);
            buf.extend_from_slice(&f.to_le_bytes());
        }
        Isi::RumusTanpaHasil => buf.push(3),
        Isi::GalatExcel(t) => {
            buf.push(4);
            tulis_teks(buf, t);
        }
        Isi::Lain(t) => {
            buf.push(5);
            tulis_teks(buf, t);
        }
    }
}

fn baca_sel(p: &mut &[u8]) -> Option<(u32, u32, Isi)> {
    let r = baca_u32(p)?;
    let c = baca_u32(p)?;
    let (&jenis, sisa) = p.split_first()?;
    *p = sisa;
    let isi = match jenis {
        0 => Isi::Kosong,
        1 => Isi::Teks(baca_teks(p)?),
        2 => {
            let (a, sisa) = p.split_first_chunk::<8>()?;
            *p = sisa;
            Isi::Angka(f64::from_le_bytes(*a))
        }
        3 => Isi::RumusTanpaHasil,
        4 => Isi::GalatExcel(baca_teks(p)?),
        5 => Isi::Lain(baca_teks(p)?),
        _ => return None,
    };
    Some((r, c, isi))
}

/// An error as a frame: its kind and two texts; the file name is the parent's.
fn kode_galat(e: &GalatBaca) -> (u8, String, String) {
    match e {
        GalatBaca::TidakBisaDibuka { sebab, .. } => (0, sebab.to_string(), String::new()),
        GalatBaca::BukanBukuKerja { .. } => (1, String::new(), String::new()),
        GalatBaca::BerkataSandi { .. } => (2, String::new(), String::new()),
        GalatBaca::Rusak { rincian, .. } => (3, rincian.clone(), String::new()),
        GalatBaca::LembarRusak {
            lembar, rincian, ..
        } => (4, lembar.clone(), rincian.clone()),
        GalatBaca::TerlaluBesar { lembar, .. } => (5, lembar.clone(), String::new()),
        GalatBaca::TanpaLembar { .. } => (6, String::new(), String::new()),
        GalatBaca::BukanBerkasBiasa { jenis, .. } => (7, jenis.clone(), String::new()),
        GalatBaca::SebenarnyaXls { ekstensi, .. } => (8, ekstensi.clone(), String::new()),
        GalatBaca::PembacaBerhenti { tahap, .. } => (9, tahap.clone(), String::new()),
        GalatBaca::BatasMemori {
            batas_mb, rincian, ..
        } => (10, batas_mb.to_string(), rincian.clone()),
        GalatBaca::BatasWaktu { detik, .. } => (11, detik.to_string(), String::new()),
    }
}

fn galat_dari(berkas: &str, p: &[u8]) -> GalatBaca {
    let berkas = berkas.to_string();
    let Some((&kode, mut p)) = p.split_first() else {
        return GalatBaca::PembacaBerhenti {
            berkas,
            tahap: "pembacaan".into(),
        };
    };
    let a = baca_teks(&mut p).unwrap_or_default();
    let b = baca_teks(&mut p).unwrap_or_default();
    match kode {
        0 => GalatBaca::TidakBisaDibuka {
            berkas,
            sebab: std::io::Error::other(a),
        },
        1 => GalatBaca::BukanBukuKerja { berkas },
        2 => GalatBaca::BerkataSandi { berkas },
        3 => GalatBaca::Rusak { berkas, rincian: a },
        4 => GalatBaca::LembarRusak {
            berkas,
            lembar: a,
            rincian: b,
        },
        5 => GalatBaca::TerlaluBesar { berkas, lembar: a },
        6 => GalatBaca::TanpaLembar { berkas },
        7 => GalatBaca::BukanBerkasBiasa { berkas, jenis: a },
        8 => GalatBaca::SebenarnyaXls {
            berkas,
            ekstensi: a,
        },
        9 => GalatBaca::PembacaBerhenti { berkas, tahap: a },
        10 => GalatBaca::BatasMemori {
            berkas,
            batas_mb: a.parse().unwrap_or_default(),
            rincian: b,
        },
        11 => GalatBaca::BatasWaktu {
            berkas,
            detik: a.parse().unwrap_or_default(),
        },
        _ => GalatBaca::PembacaBerhenti {
            berkas,
            tahap: "pembacaan".into(),
        },
    }
}

fn tulis_bingkai(w: &mut impl Write, jenis: u8, isi: &[u8]) -> std::io::Result<()> {
    w.write_all(&[jenis])?;
    w.write_all(&(isi.len() as u32).to_le_bytes())?;
    w.write_all(isi)
}

/// The next frame, `None` at end of stream.
fn baca_bingkai(r: &mut impl Read, isi: &mut Vec<u8>) -> std::io::Result<Option<u8>> {
    let mut kepala = [0u8; 5];
    match r.read_exact(&mut kepala) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let n = u32::from_le_bytes([kepala[1], kepala[2], kepala[3], kepala[4]]) as usize;
    isi.clear();
    isi.resize(n, 0);
    r.read_exact(isi)?;
    Ok(Some(kepala[0]))
}

// ---- the child ----------------------------------------------------------------------------

/// Limits the calling process's address space, once for its whole life: the memory any
/// one file may make the reader take, with what earlier files left behind counted in.
fn batasi_memori(batas: Batas) {
    let n = batas.memori_mb.saturating_mul(1 << 20);
    let r = libc::rlimit {
        rlim_cur: n as libc::rlim_t,
        rlim_max: n as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct we pass and touches nothing else.
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &r) };
}

/// CPU seconds this process has used so far.
fn cpu_terpakai() -> u64 {
    // SAFETY: getrusage writes only the struct we pass.
    let mut r: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut r) } != 0 {
        return 0;
    }
    let detik = |t: libc::timeval| t.tv_sec.max(0) as u64 + u64::from(t.tv_usec > 0);
    detik(r.ru_utime) + detik(r.ru_stime)
}

/// Limits the CPU seconds of the next file: a backstop for the parent's deadline, which
/// also stops a child whose parent died while a file loops. A child serves many files, and
/// RLIMIT_CPU counts the whole process, so the soft limit is moved on before each file to
/// what was used so far plus one file's bound (the hard limit is left as it was, so it can
/// be moved again).
fn batasi_cpu(batas: Batas) {
    // SAFETY: getrlimit/setrlimit read and write only the struct we pass.
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    if unsafe { libc::getrlimit(libc::RLIMIT_CPU, &mut r) } != 0 {
        return;
    }
    let n = cpu_terpakai().saturating_add(batas.waktu_detik.saturating_add(2));
    r.rlim_cur = (n as libc::rlim_t).min(r.rlim_max);
    unsafe { libc::setrlimit(libc::RLIMIT_CPU, &r) };
}
/// Writes a sheet's merges and cells as frames.
struct Penulis<W: Write> {
    keluar: W,
    kiriman: Vec<u8>,
    putus: bool,
}

impl<W: Write> Penulis<W> {
    fn bingkai(&mut self, jenis: u8, isi: &[u8]) {
        if !self.putus && tulis_bingkai(&mut self.keluar, jenis, isi).is_err() {
            self.putus = true;
        }
    }

    fn kirim_sel(&mut self) {
        if !self.kiriman.is_empty() {
            let kiriman = std::mem::take(&mut self.kiriman);
            self.bingkai(B_SEL, &kiriman);
            self.kiriman = kiriman;
            self.kiriman.clear();
        }
    }

    fn galat(&mut self, e: &GalatBaca) {
        self.kirim_sel();
        let (kode, a, b) = kode_galat(e);
        let mut isi = vec![kode];
        tulis_teks(&mut isi, &a);
        tulis_teks(&mut isi, &b);
        self.bingkai(B_GALAT, &isi);
        let _ = self.keluar.flush();
    }
}

impl<W: Write> Tujuan for Penulis<W> {
    fn gabungan(&mut self, gabungan: Vec<Gabungan>) {
        let mut isi = Vec::with_capacity(gabungan.len() * 16);
        for g in gabungan {
            for x in [g.r0, g.c0, g.r1, g.c1] {
                isi.extend_from_slice(&x.to_le_bytes());
            }
        }
        self.bingkai(B_GABUNGAN, &isi);
    }

    fn sel(&mut self, r: u32, c: u32, isi: Isi) -> bool {
        tulis_sel(&mut self.kiriman, r, c, &isi);
        if self.kiriman.len() >= UKURAN_KIRIMAN {
            self.kirim_sel();
        }
        !self.putus
    }
}

/// The child's main: `lkjip __baca-buku-kerja MB DETIK`. It serves many files, one after
/// another, as the parent asks on stdin (`B` a file to open, `L` a sheet of it to read), and
/// ends at end of stdin. Exits 0 when it could say what happened in a frame; the parent
/// reads anything else from how it ended.
pub fn layani_anak(argumen: impl Iterator<Item = OsString>) -> ExitCode {
    let argumen: Vec<OsString> = argumen.collect();
    let angka = |i: usize| argumen.get(i).and_then(|a| a.to_str()?.parse::<u64>().ok());
    let (Some(memori_mb), Some(waktu_detik)) = (angka(0), angka(1)) else {
        return ExitCode::from(2);
    };
    let batas = Batas {
        memori_mb,
        waktu_detik,
    };
    batasi_memori(batas);
    let _ = super::BATAS.set(batas);
    let mut tulis = Penulis {
        keluar: BufWriter::with_capacity(UKURAN_KIRIMAN, std::io::stdout().lock()),
        kiriman: Vec::with_capacity(UKURAN_KIRIMAN + 4096),
        putus: false,
    };
    let mut masuk = BufReader::new(std::io::stdin().lock());
    let mut minta = Vec::new();
    let mut buku: Option<Buku> = None;
    while let Ok(Some(jenis)) = baca_bingkai(&mut masuk, &mut minta) {
        match jenis {
            M_BUKA => {
                // The workbook before is closed first: its memory is not the next one's.
                drop(buku.take());
                batasi_cpu(batas);
                use std::os::unix::ffi::OsStrExt;
                let path = Path::new(std::ffi::OsStr::from_bytes(&minta));
                match buka(path) {
                    Ok(b) => {
                        let mut isi = Vec::new();
                        for l in &b.lembar {
                            tulis_teks(&mut isi, l);
                        }
                        tulis.bingkai(B_LEMBAR, &isi);
                        buku = Some(b);
                    }
                    Err(e) => tulis.galat(&e),
                }
            }
            M_LEMBAR => {
                let lembar = String::from_utf8_lossy(&minta).into_owned();
                let hasil = match buku.as_mut() {
                    Some(b) => baca_lembar(b, &lembar, &mut tulis),
                    None => Err(GalatBaca::PembacaBerhenti {
                        berkas: String::new(),
                        tahap: format!("lembar '{lembar}'"),
                    }),
                };
                match hasil {
                    Ok(()) => {
                        tulis.kirim_sel();
                        tulis.bingkai(B_SELESAI, &[]);
                    }
                    Err(e) => tulis.galat(&e),
                }
            }
            _ => break,
        }
        let _ = tulis.keluar.flush();
        if tulis.putus {
            break;
        }
    }
    ExitCode::SUCCESS
}

/// One sheet through the in-process reader, a panic in it caught.
fn baca_lembar(
    buku: &mut Buku,
    lembar: &str,
    tulis: &mut Penulis<impl Write>,
) -> Result<(), GalatBaca> {
    let berkas = buku.berkas.clone();
    jaga::tangkap(|| buku.alirkan(lembar, tulis)).unwrap_or_else(|()| {
        Err(GalatBaca::PembacaBerhenti {
            berkas,
            tahap: format!("lembar '{lembar}'"),
        })
    })
}

// ---- the parent ---------------------------------------------------------------------------

/// Bytes the pipe from the child holds (Linux's default is 64 KB, at most
/// `/proc/sys/fs/pipe-max-size`, 1 MB by default): about 40,000 cells in flight, as many as
/// the channel between calamine's thread and the recogniser held before the child, so that
/// neither side waits on the other while the parent works on a header or a long row.
const UKURAN_PIPA: libc::c_int = 1 << 20;

/// Enlarges the pipe the child writes to; where the system refuses, the default stays.
fn perbesar_pipa(pipa: &ChildStdout) {
    use std::os::fd::AsRawFd;
    // SAFETY: F_SETPIPE_SZ on a pipe descriptor we own only changes its capacity.
    unsafe { libc::fcntl(pipa.as_raw_fd(), libc::F_SETPIPE_SZ, UKURAN_PIPA) };
}

/// Files one child reads before it is replaced by a fresh one. A child serves many files to
/// spare a process start per file (about 1.5 ms of CPU and, on a busy machine, several ms
/// of waiting; BENCHMARKS.md); replacing it now and then bounds whatever a reader leaves
/// behind in its address space (fragments, a cache) that would count against the next
/// file's share of the memory bound.
const BERKAS_PER_ANAK: u32 = 64;

/// Idle children, ready for the next file: at most one per reading thread is ever taken
/// at once, so the pool is as large as the number of files read at the same time (one per
/// `--jobs`). Only a child whose last file ended cleanly, within its deadline, comes back.
static KOLAM: Mutex<Vec<Jalan>> = Mutex::new(Vec::new());

/// Idle children kept at most; one finishing beyond that is stopped.
const KOLAM_MAKS: usize = 64;

/// One running child.
struct Jalan {
    proses: Arc<Mutex<Child>>,
    masuk: ChildStdin,
    keluar: BufReader<ChildStdout>,
    /// The child's stderr, gathered on a thread (an allocation failure is said there).
    stderr: Option<std::thread::JoinHandle<Vec<u8>>>,
    /// The watchdog of the file being read: dropping the sender stops it.
    pengawas: Option<(mpsc::Sender<()>, std::thread::JoinHandle<()>)>,
    /// Set by the watchdog when it killed the child at the deadline.
    habis: Arc<AtomicBool>,
    /// Files this child has opened.
    dilayani: u32,
    isi: Vec<u8>,
}

impl Jalan {
    fn mulai(program: &Path, batas: Batas) -> std::io::Result<Self> {
        let mut proses = Command::new(program)
            .arg(PERINTAH_ANAK)
            .arg(batas.memori_mb.to_string())
            .arg(batas.waktu_detik.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let (Some(masuk), Some(keluar), Some(mut galat)) = (
            proses.stdin.take(),
            proses.stdout.take(),
            proses.stderr.take(),
        ) else {
            let _ = proses.kill();
            let _ = proses.wait();
            return Err(std::io::Error::other("pipa proses pembaca"));
        };
        perbesar_pipa(&keluar);
        let stderr = std::thread::spawn(move || {
            let mut teks = Vec::new();
            let _ = (&mut galat).take(1 << 16).read_to_end(&mut teks);
            // Keep draining so that the child never blocks on a full pipe.
            let _ = std::io::copy(&mut galat, &mut std::io::sink());
            teks
        });
        Ok(Jalan {
            proses: Arc::new(Mutex::new(proses)),
            masuk,
            keluar: BufReader::with_capacity(UKURAN_KIRIMAN, keluar),
            stderr: Some(stderr),
            pengawas: None,
            habis: Arc::new(AtomicBool::new(false)),
            dilayani: 0,
            isi: Vec::new(),
        })
    }

    /// A child for the next file: an idle one from the pool, or a new one.
    fn ambil(program: &Path, batas: Batas) -> std::io::Result<Self> {
        let siap = KOLAM.lock().ok().and_then(|mut k| k.pop());
        match siap {
            Some(j) => Ok(j),
            None => Jalan::mulai(program, batas),
        }
    }

    /// Starts the watchdog that kills the child `sisa` from now.
    fn awasi(&mut self, sisa: Duration) {
        self.lepas_pengawas();
        let proses = Arc::clone(&self.proses);
        let habis = Arc::clone(&self.habis);
        let (henti, tunggu) = mpsc::channel::<()>();
        let h = std::thread::spawn(move || {
            if tunggu.recv_timeout(sisa) == Err(mpsc::RecvTimeoutError::Timeout) {
                habis.store(true, Ordering::SeqCst);
                if let Ok(mut p) = proses.lock() {
                    let _ = p.kill();
                }
            }
        });
        self.pengawas = Some((henti, h));
    }

    /// Stops and joins the watchdog, so that no thread of a finished file lingers.
    fn lepas_pengawas(&mut self) {
        if let Some((henti, h)) = self.pengawas.take() {
            drop(henti);
            let _ = h.join();
        }
    }

    /// Sends one request frame; a child that died is found out at its answer.
    fn minta(&mut self, jenis: u8, isi: &[u8]) {
        let _ = tulis_bingkai(&mut self.masuk, jenis, isi).and_then(|()| self.masuk.flush());
    }

    /// Back to the pool after a file read cleanly, unless its deadline struck (the watchdog
    /// may have killed it just after the last frame) or it has served its files.
    fn kembalikan(mut self) {
        self.lepas_pengawas();
        if self.habis.load(Ordering::SeqCst) || self.dilayani >= BERKAS_PER_ANAK {
            return;
        }
        if let Ok(mut k) = KOLAM.lock()
            && k.len() < KOLAM_MAKS
        {
            k.push(self);
        }
    }

    fn bingkai(&mut self) -> Option<u8> {
        baca_bingkai(&mut self.keluar, &mut self.isi).ok().flatten()
    }

    /// Waits for a child that closed its stdout, and says why it stopped.
    fn sebab(mut self, berkas: &str, batas: Batas, tahap: &str) -> GalatBaca {
        let status = loop {
            let s = self.proses.lock().map(|mut p| p.try_wait());
            match s {
                Ok(Ok(Some(s))) => break Some(s),
                Ok(Ok(None)) => std::thread::sleep(Duration::from_millis(2)),
                _ => break None,
            }
        };
        let stderr = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        sebab_berhenti(
            berkas,
            batas,
            tahap,
            self.habis.load(Ordering::SeqCst),
            status,
            &String::from_utf8_lossy(&stderr),
        )
    }
}

impl Drop for Jalan {
    fn drop(&mut self) {
        self.lepas_pengawas();
        if let Ok(mut p) = self.proses.lock() {
            let _ = p.kill();
            let _ = p.wait();
        }
        // The child is gone, so its stderr is closed and this thread ends now.
        if let Some(h) = self.stderr.take() {
            let _ = h.join();
        }
    }
}

/// Bytes as the user reads them: `137 GB`, `550 MB`.
fn ukuran(n: u64) -> String {
    if n >= 1 << 30 {
        format!("{} GB", n >> 30)
    } else {
        format!("{} MB", (n >> 20).max(1))
    }
}

/// How a child's end reads: killed at the deadline, out of memory (Rust's allocation
/// failure says "memory allocation of N bytes failed" and aborts), out of CPU time
/// (SIGXCPU), or stopped otherwise (a panic outside the net, a signal).
fn sebab_berhenti(
    berkas: &str,
    batas: Batas,
    tahap: &str,
    habis: bool,
    status: Option<std::process::ExitStatus>,
    stderr: &str,
) -> GalatBaca {
    use std::os::unix::process::ExitStatusExt;
    let berkas = berkas.to_string();
    if habis || status.and_then(|s| s.signal()) == Some(libc::SIGXCPU) {
        return GalatBaca::BatasWaktu {
            berkas,
            detik: batas.waktu_detik,
        };
    }
    if let Some(i) = stderr.find("memory allocation of ") {
        let diminta: Option<u64> = stderr[i + 21..]
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok());
        let rincian = match diminta {
            Some(n) if n > batas.memori_mb << 20 => format!(
                "; berkas itu meminta {} sekaligus, lebih dari seluruh batas: ukuran yang diakui berkas itu tidak masuk akal",
                ukuran(n)
            ),
            _ => String::new(),
        };
        return GalatBaca::BatasMemori {
            berkas,
            batas_mb: batas.memori_mb,
            rincian,
        };
    }
    GalatBaca::PembacaBerhenti {
        berkas,
        tahap: tahap.to_string(),
    }
}

/// A workbook read by a child process.
pub struct Anak {
    program: PathBuf,
    path: PathBuf,
    batas: Batas,
    tenggat: Instant,
    /// The child, between two requests: `None` once a request did not end cleanly (the
    /// child is then stopped, and another is taken if another sheet is wanted).
    jalan: Option<Jalan>,
}

impl Anak {
    /// Opens the workbook in a child and returns it with the workbook's sheet names.
    pub fn mulai(
        program: &Path,
        path: &Path,
        berkas: &str,
        batas: Batas,
    ) -> Result<(Anak, Vec<String>), GalatBaca> {
        let mut anak = Anak {
            program: program.to_path_buf(),
            path: path.to_path_buf(),
            batas,
            tenggat: Instant::now() + Duration::from_secs(batas.waktu_detik),
            jalan: None,
        };
        let lembar = anak.hidupkan(berkas)?;
        Ok((anak, lembar))
    }

    /// A child with this workbook open, taken again after one was stopped (for the next
    /// sheet), watched until the file's deadline.
    fn hidupkan(&mut self, berkas: &str) -> Result<Vec<String>, GalatBaca> {
        let sisa = self.tenggat.saturating_duration_since(Instant::now());
        if sisa.is_zero() {
            return Err(GalatBaca::BatasWaktu {
                berkas: berkas.to_string(),
                detik: self.batas.waktu_detik,
            });
        }
        let mut jalan =
            Jalan::ambil(&self.program, self.batas).map_err(|e| GalatBaca::PembacaBerhenti {
                berkas: berkas.to_string(),
                tahap: format!("awal (proses pembaca tidak dapat dijalankan: {e})"),
            })?;
        jalan.awasi(sisa);
        jalan.dilayani = jalan.dilayani.saturating_add(1);
        use std::os::unix::ffi::OsStrExt;
        jalan.minta(M_BUKA, self.path.as_os_str().as_bytes());
        match jalan.bingkai() {
            Some(B_LEMBAR) => {
                let mut p = jalan.isi.as_slice();
                let mut lembar = Vec::new();
                while let Some(l) = baca_teks(&mut p) {
                    lembar.push(l);
                }
                self.jalan = Some(jalan);
                Ok(lembar)
            }
            Some(B_GALAT) => Err(galat_dari(berkas, &jalan.isi)),
            _ => Err(jalan.sebab(berkas, self.batas, "pembukaan buku kerja")),
        }
    }

    /// Reads one sheet in the child and hands its rows to `olah` as they arrive; the
    /// contract of [`Buku::baca_alir`].
    pub fn baca_alir<T>(
        &mut self,
        berkas: &str,
        lembar: &str,
        olah: impl FnOnce(&mut dyn Iterator<Item = Baris>, Vec<Gabungan>) -> T,
    ) -> Result<T, GalatBaca> {
        if self.jalan.is_none() {
            self.hidupkan(berkas)?;
        }
        let tahap = format!("lembar '{lembar}'");
        let mut jalan = self.jalan.take().expect("proses pembaca berjalan");
        jalan.minta(M_LEMBAR, lembar.as_bytes());
        let gabungan = match jalan.bingkai() {
            Some(B_GABUNGAN) => jalan
                .isi
                .chunks_exact(16)
                .map(|g| {
                    let x = |i: usize| u32::from_le_bytes([g[i], g[i + 1], g[i + 2], g[i + 3]]);
                    Gabungan {
                        r0: x(0),
                        c0: x(4),
                        r1: x(8),
                        c1: x(12),
                    }
                })
                .collect(),
            Some(B_GALAT) => return Err(galat_dari(berkas, &jalan.isi)),
            _ => return Err(jalan.sebab(berkas, self.batas, &tahap)),
        };
        let batas = self.batas.memori_mb.saturating_mul(1 << 20) / BAGIAN_INDUK.1 * BAGIAN_INDUK.0;
        // Frames are read and decoded on a thread of their own, and the cells cross over in
        // batches, as they did from calamine's thread before the child: this thread only
        // assembles rows and recognises them, and stays the one it was.
        let (hasil, akhir) = std::thread::scope(|lingkup| {
            let (kirim, terima) = mpsc::sync_channel::<Vec<(u32, u32, Isi)>>(8);
            let jalan = &mut jalan;
            let pengurai = lingkup.spawn(move || urai_aliran(jalan, batas, &kirim));
            let mut sel = terima.iter().flatten();
            let mut rakit = Perakit::default();
            let mut baris = std::iter::from_fn(|| {
                for (r, c, isi) in sel.by_ref() {
                    if let Some(b) = rakit.masuk(r, c, isi) {
                        return Some(b);
                    }
                }
                rakit.akhir()
            });
            let hasil = olah(&mut baris, gabungan);
            // Stop the decoder if `olah` stopped early: its next send fails.
            drop(terima);
            (hasil, pengurai.join().unwrap_or(Some(Akhir::Mati)))
        });
        match akhir {
            Some(Akhir::Selesai) => {
                self.jalan = Some(jalan);
                Ok(hasil)
            }
            Some(Akhir::Galat) => Err(galat_dari(berkas, &jalan.isi)),
            Some(Akhir::Penuh) => Err(GalatBaca::BatasMemori {
                berkas: berkas.to_string(),
                batas_mb: self.batas.memori_mb,
                rincian: "; sel yang sudah dibaca dari masukan mendekati batas itu".into(),
            }),
            Some(Akhir::Mati) => Err(jalan.sebab(berkas, self.batas, &tahap)),
            // `olah` stopped early: the child, mid-sheet, is stopped (drop) and another is
            // taken if another sheet is wanted.
            None => Ok(hasil),
        }
    }
}

impl Drop for Anak {
    /// The workbook is done with: a child that answered every request goes back to the
    /// pool for the next file; any other was stopped already.
    fn drop(&mut self) {
        if let Some(j) = self.jalan.take() {
            j.kembalikan();
        }
    }
}

/// How a sheet's stream ended.
enum Akhir {
    Selesai,
    Galat,
    Mati,
    Penuh,
}

/// Reads a sheet's cell frames from the child, decodes them and sends them on in batches,
/// counting them against the parent's share of the memory bound (`batas`, bytes, over all
/// files). Returns how the stream ended, or `None` when the receiver stopped wanting cells.
fn urai_aliran(
    jalan: &mut Jalan,
    batas: u64,
    kirim: &mpsc::SyncSender<Vec<(u32, u32, Isi)>>,
) -> Option<Akhir> {
    loop {
        match jalan.bingkai() {
            Some(B_SEL) => {
                let mut p = jalan.isi.as_slice();
                let mut sel = Vec::with_capacity(p.len() / 16);
                let mut biaya = 0;
                while let Some(s) = baca_sel(&mut p) {
                    biaya += BIAYA_SEL
                        + match &s.2 {
                            Isi::Teks(t) | Isi::GalatExcel(t) | Isi::Lain(t) => t.len() as u64,
                            _ => 0,
                        };
                    sel.push(s);
                }
                if TERPAKAI.fetch_add(biaya, Ordering::Relaxed) + biaya > batas {
                    return Some(Akhir::Penuh);
                }
                kirim.send(sel).ok()?;
            }
            Some(B_SELESAI) => return Some(Akhir::Selesai),
            Some(B_GALAT) => return Some(Akhir::Galat),
            _ => return Some(Akhir::Mati),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sel_melewati_pipa_utuh() {
        let sel = [
            (0, 0, Isi::Teks("Kode".into())),
            (3, 2, Isi::Angka(1.5e10)),
            (4, 255, Isi::RumusTanpaHasil),
            (9, 1, Isi::GalatExcel("#REF!".into())),
            (9, 2, Isi::Lain("TRUE".into())),
        ];
        let mut buf = Vec::new();
        for (r, c, isi) in &sel {
            tulis_sel(&mut buf, *r, *c, isi);
        }
        let mut p = buf.as_slice();
        let balik: Vec<_> = std::iter::from_fn(|| baca_sel(&mut p)).collect();
        assert_eq!(balik, sel);
    }

    #[test]
    fn galat_melewati_pipa_dengan_nama_berkas_induk() {
        let e = GalatBaca::LembarRusak {
            berkas: "anak".into(),
            lembar: "LRA".into(),
            rincian: "XML di dalamnya tidak utuh".into(),
        };
        let (kode, a, b) = kode_galat(&e);
        let mut isi = vec![kode];
        tulis_teks(&mut isi, &a);
        tulis_teks(&mut isi, &b);
        assert_eq!(
            galat_dari("induk.xlsx", &isi).to_string(),
            "induk.xlsx › LRA: lembar tidak dapat dibaca (XML di dalamnya tidak utuh)."
        );
    }

    #[test]
    fn kegagalan_alokasi_dibaca_dari_stderr() {
        let batas = Batas::default();
        let e = sebab_berhenti(
            "c.xls",
            batas,
            "pembukaan buku kerja",
            false,
            None,
            "memory allocation of 137438953472 bytes failed\n",
        );
        let teks = e.to_string();
        assert!(teks.contains("batas memori 500 MB"), "{teks}");
        assert!(teks.contains("meminta 128 GB sekaligus"), "{teks}");
        let e = sebab_berhenti("e.ods", batas, "lembar 'A'", true, None, "");
        assert!(e.to_string().contains("--batas-waktu"), "{e}");
    }
}
