//! Reading a workbook in a child process of the same binary, under limits.
//!
//! Guards in the process (`jaga.rs`) answer the claims we know a file can make. A reader we
//! do not control can still abort ("memory allocation of 137 GB failed"; an abort cannot be
//! caught), loop forever on a truncated file, or grow without bound on a self-looping FAT
//! chain. So the `lkjip` binary reads each workbook in `lkjip __baca-buku-kerja BERKAS MB
//! DETIK`: the child limits its own address space (`RLIMIT_AS`) and CPU time
//! (`RLIMIT_CPU`), opens the workbook with the same code a library user gets ([`buka`]),
//! and streams the sheet names and each asked-for sheet's cells back on stdout in frames.
//! The parent kills it at the file's deadline and turns how it ended (an error frame, an
//! allocation failure on its stderr, a signal) into one Indonesian message.
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
//! done, `E` an error (then the child exits). Parent → child: a sheet name as u32 length and
//! UTF-8 bytes; end of stdin ends the child.

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

/// Limits the calling process: address space and CPU seconds. The CPU limit is a backstop
/// for the parent's deadline (it also stops a child whose parent died).
fn batasi_diri(batas: Batas) {
    let pasang = |sumber, n: u64| {
        let r = libc::rlimit {
            rlim_cur: n as libc::rlim_t,
            rlim_max: n as libc::rlim_t,
        };
        // SAFETY: setrlimit reads the struct we pass and touches nothing else.
        unsafe { libc::setrlimit(sumber, &r) };
    };
    pasang(libc::RLIMIT_AS, batas.memori_mb.saturating_mul(1 << 20));
    pasang(libc::RLIMIT_CPU, batas.waktu_detik.saturating_add(2));
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

/// The child's main: `lkjip __baca-buku-kerja BERKAS MB DETIK`. Always exits 0 when it
/// could say what happened in a frame; the parent reads anything else from how it ended.
pub fn layani_anak(argumen: impl Iterator<Item = OsString>) -> ExitCode {
    let argumen: Vec<OsString> = argumen.collect();
    let angka = |i: usize| argumen.get(i).and_then(|a| a.to_str()?.parse::<u64>().ok());
    let (Some(path), Some(memori_mb), Some(waktu_detik)) = (argumen.first(), angka(1), angka(2))
    else {
        return ExitCode::from(2);
    };
    let batas = Batas {
        memori_mb,
        waktu_detik,
    };
    batasi_diri(batas);
    let _ = super::BATAS.set(batas);
    let mut tulis = Penulis {
        keluar: BufWriter::with_capacity(UKURAN_KIRIMAN, std::io::stdout().lock()),
        kiriman: Vec::with_capacity(UKURAN_KIRIMAN + 4096),
        putus: false,
    };
    let mut buku = match buka(Path::new(path)) {
        Ok(b) => b,
        Err(e) => {
            tulis.galat(&e);
            return ExitCode::SUCCESS;
        }
    };
    let mut isi = Vec::new();
    for l in &buku.lembar {
        tulis_teks(&mut isi, l);
    }
    tulis.bingkai(B_LEMBAR, &isi);
    let _ = tulis.keluar.flush();
    let mut masuk = std::io::stdin().lock();
    while let Some(lembar) = baca_permintaan(&mut masuk) {
        let hasil = baca_lembar(&mut buku, &lembar, &mut tulis);
        match hasil {
            Ok(()) => {
                tulis.kirim_sel();
                tulis.bingkai(B_SELESAI, &[]);
                let _ = tulis.keluar.flush();
            }
            Err(e) => {
                tulis.galat(&e);
                break;
            }
        }
        if tulis.putus {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn baca_permintaan(masuk: &mut impl Read) -> Option<String> {
    let mut n = [0u8; 4];
    masuk.read_exact(&mut n).ok()?;
    let mut nama = vec![0u8; u32::from_le_bytes(n).min(1 << 16) as usize];
    masuk.read_exact(&mut nama).ok()?;
    String::from_utf8(nama).ok()
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

/// One running child.
struct Jalan {
    proses: Arc<Mutex<Child>>,
    masuk: ChildStdin,
    keluar: BufReader<ChildStdout>,
    /// The child's stderr, gathered on a thread (an allocation failure is said there).
    stderr: Option<std::thread::JoinHandle<Vec<u8>>>,
    /// Dropped to stop the watchdog.
    henti: Option<mpsc::Sender<()>>,
    /// The watchdog, joined when the reading ends, so that no thread of a finished file
    /// lingers (in a folder run, one per file).
    pengawas: Option<std::thread::JoinHandle<()>>,
    /// Set by the watchdog when it killed the child at the deadline.
    habis: Arc<AtomicBool>,
    isi: Vec<u8>,
}

impl Jalan {
    fn mulai(program: &Path, path: &Path, batas: Batas, sisa: Duration) -> std::io::Result<Self> {
        let mut proses = Command::new(program)
            .arg(PERINTAH_ANAK)
            .arg(path)
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
        let proses = Arc::new(Mutex::new(proses));
        let habis = Arc::new(AtomicBool::new(false));
        let (henti, tunggu) = mpsc::channel::<()>();
        let pengawas = {
            let proses = Arc::clone(&proses);
            let habis = Arc::clone(&habis);
            std::thread::spawn(move || {
                if tunggu.recv_timeout(sisa) == Err(mpsc::RecvTimeoutError::Timeout) {
                    habis.store(true, Ordering::SeqCst);
                    if let Ok(mut p) = proses.lock() {
                        let _ = p.kill();
                    }
                }
            })
        };
        Ok(Jalan {
            proses,
            masuk,
            keluar: BufReader::with_capacity(UKURAN_KIRIMAN, keluar),
            stderr: Some(stderr),
            henti: Some(henti),
            pengawas: Some(pengawas),
            habis,
            isi: Vec::new(),
        })
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
        self.henti.take();
        if let Some(h) = self.pengawas.take() {
            let _ = h.join();
        }
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
    jalan: Option<Jalan>,
}

impl Anak {
    /// Starts the child and returns it with the workbook's sheet names.
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

    /// A running child, started again after one was stopped (for the next sheet).
    fn hidupkan(&mut self, berkas: &str) -> Result<Vec<String>, GalatBaca> {
        let sisa = self.tenggat.saturating_duration_since(Instant::now());
        if sisa.is_zero() {
            return Err(GalatBaca::BatasWaktu {
                berkas: berkas.to_string(),
                detik: self.batas.waktu_detik,
            });
        }
        let mut jalan = Jalan::mulai(&self.program, &self.path, self.batas, sisa).map_err(|e| {
            GalatBaca::PembacaBerhenti {
                berkas: berkas.to_string(),
                tahap: format!("awal (proses pembaca tidak dapat dijalankan: {e})"),
            }
        })?;
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
        let mut minta = (lembar.len() as u32).to_le_bytes().to_vec();
        minta.extend_from_slice(lembar.as_bytes());
        let _ = jalan
            .masuk
            .write_all(&minta)
            .and_then(|()| jalan.masuk.flush());
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
            // `olah` stopped early: the child is stopped (drop) and started again if
            // another sheet is wanted.
            None => Ok(hasil),
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
