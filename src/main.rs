//! The `lkjip` command line: parses arguments, calls the library, prints, and exits with
//! 0 (done), 1 (ran, found galat: `periksa` only) or 2 (could not run).

use clap::{ArgAction, Parser, Subcommand, ValueEnum};
use lkjip::compute::kinerja::{CaraEfisiensi, CaraPerubahan, LabelKriteria};
use lkjip::formulir::{self, JenisFormulir};
use lkjip::nomenklatur::Nomenklatur;
use lkjip::perintah::{self, BilaGagal, Pemeriksaan};
use lkjip::sheet;
use lkjip::tables::NomorTabel;
use lkjip::write::templat;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const TEMPLAT: &str = "{about}\n\nPemakaian: {usage}\n\n{all-args}{after-help}";

#[derive(Parser)]
#[command(
    name = "lkjip",
    version,
    about = "Menyusun dan memeriksa tabel lampiran LKjIP (Tabel 11–19) dari realisasi anggaran, Perjanjian Kinerja dan data kinerja.",
    help_template = TEMPLAT,
    override_usage = "lkjip <PERINTAH> [PILIHAN]",
    subcommand_help_heading = "Perintah",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "Contoh:\n  lkjip susun samples/bontang-barat-2022 -o keluaran/lkjip-2022.xlsx\n  lkjip periksa realisasi.xlsx\n  lkjip periksa realisasi.xlsx --format json\n  lkjip templat kinerja -o kinerja.xlsx"
)]
struct Cli {
    #[command(subcommand)]
    perintah: Perintah,
    /// Tampilkan bantuan
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, help_heading = "Pilihan")]
    bantuan: Option<bool>,
    /// Tampilkan versi
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help_heading = "Pilihan")]
    versi: Option<bool>,
    /// Batas memori membaca satu berkas, dalam MB
    #[arg(long, global = true, default_value_t = sheet::Batas::default().memori_mb, value_name = "MB", help_heading = "Pilihan")]
    batas_memori: u64,
    /// Batas waktu membaca satu berkas, dalam detik
    #[arg(long, global = true, default_value_t = sheet::Batas::default().waktu_detik, value_name = "DETIK", help_heading = "Pilihan")]
    batas_waktu: u64,
    /// Nomenklatur sub kegiatan yang lebih baru (CSV berkolom seperti data/nomenklatur-sub-kegiatan.csv); bawaan: yang tertanam
    #[arg(long, global = true, value_name = "BERKAS", help_heading = "Pilihan")]
    nomenklatur: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Perintah {
    /// Menyusun Tabel 11–19, lembar Temuan dan Grafik ke satu buku kerja xlsx
    #[command(
        visible_alias = "build",
        help_template = TEMPLAT,
        override_usage = "lkjip susun <FOLDER|BERKAS>... -o <BERKAS.xlsx> [PILIHAN]",
        after_help = "Contoh:\n  lkjip susun samples/bontang-barat-2022 -o keluaran/lkjip-2022.xlsx\n  lkjip susun lra.xlsx -o tabel.xlsx --tahun 2024 --tabel 18,19\n  lkjip susun rekap.xlsx -o tabel.xlsx --lembar \"REKAP (2)\"\n\nBuku kerja tetap ditulis walau ada galat (lihat lembar Temuan); keluar dengan kode 2\nhanya bila masukan tidak dapat dibaca atau keluaran tidak dapat ditulis."
    )]
    Susun {
        /// Berkas atau folder masukan (xlsx, xlsm, xlsb, xls, ods, csv, htm, html)
        #[arg(
            required = true,
            value_name = "FOLDER|BERKAS",
            help_heading = "Masukan"
        )]
        masukan: Vec<PathBuf>,
        /// Berkas xlsx yang ditulis
        #[arg(
            short = 'o',
            long = "keluaran",
            visible_alias = "output",
            value_name = "BERKAS.xlsx",
            help_heading = "Pilihan"
        )]
        keluaran: PathBuf,
        /// Tahun anggaran untuk judul tabel (bawaan: dari judul lembar masukan)
        #[arg(
            long,
            visible_alias = "year",
            value_name = "N",
            help_heading = "Pilihan"
        )]
        tahun: Option<i32>,
        /// Tabel yang disusun, dipisah koma (tabel yang masukannya tidak ada dilewati dengan alasannya)
        #[arg(
            long,
            visible_alias = "tables",
            value_delimiter = ',',
            default_value = "11,12,13,14,15,16,17,18,19",
            value_name = "11,...,19",
            help_heading = "Pilihan"
        )]
        tabel: Vec<u32>,
        /// Tambahkan kolom Kriteria (Permendagri 86/2017) di Tabel 11: permendagri (Sangat Tinggi …) atau baik (Sangat Baik …)
        #[arg(
            long,
            value_name = "LABEL",
            hide_possible_values = true,
            help_heading = "Pilihan"
        )]
        kriteria: Option<Kriteria>,
        /// Cara menghitung tingkat efisiensi Tabel 15: selisih (% capaian − % serapan) atau rasio (% capaian ÷ % serapan × 100); bawaan selisih
        #[arg(
            long,
            value_name = "CARA",
            default_value = "selisih",
            hide_possible_values = true,
            help_heading = "Pilihan"
        )]
        efisiensi: Efisiensi,
        /// Cara menulis perubahan di Tabel 13: relatif ((R − R tahun lalu) ÷ R tahun lalu × 100) atau poin (R − R tahun lalu); bawaan relatif
        #[arg(
            long,
            value_name = "CARA",
            default_value = "relatif",
            hide_possible_values = true,
            help_heading = "Pilihan"
        )]
        perubahan: Perubahan,
        /// Lembar yang dipakai bila buku kerja memuat beberapa versi tabel yang sama
        #[arg(
            long,
            visible_alias = "sheet",
            value_name = "NAMA",
            help_heading = "Pilihan"
        )]
        lembar: Option<String>,
        /// Baca setiap lembar sebagai jenis ini saja: realisasi, pk, kinerja, renja (formulir evaluasi Renja), dpa (rincian DPA) atau tabel (Tabel LKjIP yang diketik)
        #[arg(
            long,
            value_enum,
            value_name = "JENIS",
            hide_possible_values = true,
            help_heading = "Pilihan"
        )]
        jenis: Option<JenisMasukan>,
    },
    /// Memeriksa angka masukan dan mencetak temuan; kode keluar 1 bila ada galat
    #[command(
        visible_alias = "check",
        help_template = TEMPLAT,
        override_usage = "lkjip periksa <FOLDER|BERKAS>... [PILIHAN]",
        after_help = "Contoh:\n  lkjip periksa realisasi.xlsx\n  lkjip periksa samples/bontang-barat-2022 --format json\n  lkjip periksa tabel-lkjip.xlsx -o tabel-diperiksa.xlsx   # salinan bertanda merah/kuning\n\nKode keluar: 0 tanpa galat, 1 ada galat, 2 masukan tidak dapat dibaca."
    )]
    Periksa {
        /// Berkas atau folder masukan
        #[arg(
            required = true,
            value_name = "FOLDER|BERKAS",
            help_heading = "Masukan"
        )]
        masukan: Vec<PathBuf>,
        /// Bentuk keluaran
        #[arg(long, value_enum, default_value = "teks", help_heading = "Pilihan")]
        format: Bentuk,
        /// Lembar yang dipakai bila buku kerja memuat beberapa versi tabel yang sama
        #[arg(
            long,
            visible_alias = "sheet",
            value_name = "NAMA",
            help_heading = "Pilihan"
        )]
        lembar: Option<String>,
        /// Baca setiap lembar sebagai jenis ini saja: realisasi, pk, kinerja, renja (formulir evaluasi Renja), dpa (rincian DPA) atau tabel (Tabel LKjIP yang diketik)
        #[arg(
            long,
            value_enum,
            value_name = "JENIS",
            hide_possible_values = true,
            help_heading = "Pilihan"
        )]
        jenis: Option<JenisMasukan>,
        /// Tulis salinan buku kerja yang diperiksa dengan sel bergalat berwarna merah (peringatan kuning), catatan di selnya, dan lembar Temuan
        #[arg(
            short = 'o',
            long = "keluaran",
            visible_alias = "output",
            value_name = "BERKAS.xlsx",
            help_heading = "Pilihan"
        )]
        keluaran: Option<PathBuf>,
    },
    /// Mengubah banyak ekspor DPA sekaligus menjadi satu buku kerja (Sub Kegiatan, Rincian, Indikator, Status, Temuan)
    #[command(
        override_usage = "lkjip konversi <FOLDER|BERKAS>... -o <KELUARAN.xlsx> [--jobs N]",
        after_help = "Folder ditelusuri sampai ke subfoldernya. Berkas yang gagal dibaca tidak menghentikan yang lain: \nsemuanya tercantum di lembar Status beserta alasannya. Kode keluar 1 bila ada berkas yang gagal\natau ada galat, 2 bila tidak ada DPA yang terbaca.\n\nContoh:\n  lkjip konversi samples/bontang-barat-2022/dpa -o keluaran/dpa.xlsx"
    )]
    Konversi {
        /// Berkas atau folder ekspor DPA
        #[arg(
            required = true,
            value_name = "FOLDER|BERKAS",
            help_heading = "Masukan"
        )]
        masukan: Vec<PathBuf>,
        /// Buku kerja yang ditulis (dengan --format csv: folder berkas CSV)
        #[arg(
            short = 'o',
            long = "keluaran",
            visible_alias = "output",
            value_name = "KELUARAN.xlsx|FOLDER",
            required = true,
            help_heading = "Keluaran"
        )]
        keluaran: PathBuf,
        /// Bentuk keluaran: xlsx (satu buku kerja) atau csv (satu berkas CSV per lembar, UTF-8)
        #[arg(
            long,
            value_name = "xlsx|csv",
            default_value = "xlsx",
            value_parser = ["xlsx", "csv"],
            help_heading = "Keluaran"
        )]
        format: String,
        /// Berkas yang dibaca bersamaan (bawaan: jumlah inti prosesor)
        #[arg(long, short = 'j', value_name = "N", help_heading = "Pilihan")]
        jobs: Option<usize>,
    },
    /// Menulis formulir kosong untuk data yang tidak ada di ekspor SIPD/LRA
    #[command(
        visible_alias = "template",
        help_template = TEMPLAT,
        override_usage = "lkjip templat <realisasi|pk|kinerja> -o <BERKAS.xlsx> [PILIHAN]",
        after_help = "Jenis formulir:\n  realisasi  realisasi anggaran per program, kegiatan dan sub kegiatan\n  pk         lampiran Perjanjian Kinerja: sasaran, indikator, target, program, anggaran\n  kinerja    IKU, target dan realisasi tahunan dan triwulan, indikator program, peta anggaran\n\nContoh:\n  lkjip templat realisasi -o realisasi.xlsx\n  lkjip templat pk -o pk-2026.xlsx --tahun 2026\n  lkjip templat kinerja -o kinerja.xlsx\n\nSetiap judul kolom memuat catatan tentang isinya; lembar Petunjuk merangkumnya.\nSesudah diisi, periksa dengan `lkjip periksa BERKAS.xlsx`."
    )]
    Templat {
        /// Formulir yang ditulis: realisasi, pk atau kinerja
        #[arg(
            value_enum,
            value_name = "JENIS",
            hide_possible_values = true,
            help_heading = "Masukan"
        )]
        jenis: Jenis,
        /// Berkas xlsx yang ditulis
        #[arg(
            short = 'o',
            long = "keluaran",
            visible_alias = "output",
            value_name = "BERKAS.xlsx",
            help_heading = "Pilihan"
        )]
        keluaran: PathBuf,
        /// Tahun laporan di judul formulir (bawaan: tahun ini)
        #[arg(
            long,
            visible_alias = "year",
            value_name = "N",
            value_parser = clap::value_parser!(i32).range(2000..=2100),
            help_heading = "Pilihan"
        )]
        tahun: Option<i32>,
    },
}

/// The forms `lkjip templat` writes.
#[derive(Clone, Copy, ValueEnum)]
enum Jenis {
    Realisasi,
    Pk,
    Kinerja,
}

impl From<Jenis> for JenisFormulir {
    fn from(j: Jenis) -> Self {
        match j {
            Jenis::Realisasi => JenisFormulir::Realisasi,
            Jenis::Pk => JenisFormulir::Pk,
            Jenis::Kinerja => JenisFormulir::Kinerja,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Bentuk {
    #[value(alias = "text")]
    Teks,
    Json,
}

fn main() -> ExitCode {
    // The hidden reading child (src/sheet/anak.rs): `lkjip __baca-buku-kerja MB DETIK`, files sent on its stdin.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == sheet::PERINTAH_ANAK)
    {
        return sheet::layani_anak(std::env::args_os().skip(2));
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return galat_argumen(e),
    };
    // Every workbook is read by a child process of this binary, under the bounds; if the
    // binary cannot name itself, reading stays in this process (panics still caught).
    if let Ok(program) = std::env::current_exe() {
        sheet::pakai_proses_anak(
            program,
            sheet::Batas {
                memori_mb: cli.batas_memori.max(1),
                waktu_detik: cli.batas_waktu.max(1),
            },
        );
    }
    match jalankan(cli) {
        Ok(kode) => kode,
        Err(e) => {
            eprintln!("galat: {e}");
            ExitCode::from(2)
        }
    }
}

/// clap's own errors, said in Indonesian; help and version pass through.
fn galat_argumen(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let konteks = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(lain) => lain.to_string(),
        None => String::new(),
    };
    let pesan = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            "sebutkan perintahnya: `lkjip susun`, `lkjip periksa` atau `lkjip templat`.".to_string()
        }
        ErrorKind::MissingRequiredArgument => format!(
            "argumen wajib belum diberikan: {}.",
            konteks(ContextKind::InvalidArg)
        ),
        ErrorKind::UnknownArgument => {
            // `lkjip periksa -berkas.xlsx`: a file whose name starts with `-` reads as flags
            // (clap names only `-b`); say which file it was and how to pass it.
            let berkas = std::env::args_os()
                .skip(1)
                .map(std::path::PathBuf::from)
                .find(|a| a.to_string_lossy().starts_with('-') && a.is_file());
            match berkas {
                Some(b) => format!(
                    "'{}' dibaca sebagai pilihan karena namanya diawali '-'. Bila itu berkas masukan, tulis `-- {0}` atau `./{0}`.",
                    b.display()
                ),
                None => format!(
                    "argumen '{}' tidak dikenal.",
                    konteks(ContextKind::InvalidArg)
                ),
            }
        }
        ErrorKind::InvalidSubcommand => format!(
            "perintah '{}' tidak dikenal; yang ada: susun, periksa, templat.",
            konteks(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "nilai '{}' tidak sah untuk {}{}.",
            konteks(ContextKind::InvalidValue),
            konteks(ContextKind::InvalidArg),
            match konteks(ContextKind::ValidValue) {
                v if v.is_empty() => String::new(),
                v => format!("; pilihan: {v}"),
            }
        ),
        _ => format!("argumen tidak sah ({})", e.kind()),
    };
    eprintln!("galat: {pesan} Lihat `lkjip --help`.");
    ExitCode::from(2)
}

fn cetak_bacaan(p: &Pemeriksaan) {
    for d in &p.dipakai {
        eprintln!("dipakai    {} › {} ({} baris)", d.berkas, d.lembar, d.baris);
    }
    for d in &p.dilewati {
        if d.lembar.is_empty() {
            eprintln!("dilewati   {}: {}", d.berkas, d.alasan);
        } else {
            eprintln!("dilewati   {} › {}: {}", d.berkas, d.lembar, d.alasan);
        }
    }
}

/// Labels of the kriteria column.
#[derive(Clone, Copy, ValueEnum)]
enum Kriteria {
    Permendagri,
    Baik,
}

#[derive(Clone, Copy, ValueEnum)]
enum Efisiensi {
    Selisih,
    Rasio,
}

/// `--jenis`: which reader every sheet goes to.
#[derive(Clone, Copy, ValueEnum)]
enum JenisMasukan {
    Realisasi,
    Pk,
    Kinerja,
    Renja,
    Dpa,
    Tabel,
}

impl JenisMasukan {
    fn ke_pustaka(self) -> lkjip::recognise::JenisMasukan {
        match self {
            JenisMasukan::Realisasi => lkjip::recognise::JenisMasukan::Realisasi,
            JenisMasukan::Pk => lkjip::recognise::JenisMasukan::Pk,
            JenisMasukan::Kinerja => lkjip::recognise::JenisMasukan::Kinerja,
            JenisMasukan::Renja => lkjip::recognise::JenisMasukan::Renja,
            JenisMasukan::Dpa => lkjip::recognise::JenisMasukan::Dpa,
            JenisMasukan::Tabel => lkjip::recognise::JenisMasukan::Tabel,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Perubahan {
    Relatif,
    Poin,
}

/// The nomenclature the checks use: a newer list given with `--nomenklatur`, said on stderr,
/// else the embedded one. Read once per run and kept to its end, as the embedded one is.
fn nomenklatur(berkas: Option<&Path>) -> anyhow::Result<&'static Nomenklatur> {
    let Some(b) = berkas else {
        return Ok(Nomenklatur::bawaan());
    };
    let n = Nomenklatur::baca_berkas(b)?;
    eprintln!(
        "nomenklatur {} ({} sub kegiatan)",
        b.display(),
        n.jumlah_sub_kegiatan()
    );
    Ok(Box::leak(Box::new(n)))
}

/// The progress bar of reading many files (`susun`/`periksa` of a folder): on a terminal only,
/// so a pipe or a log file gets the result lines alone, and only for more than one file.
struct BarBerkas(indicatif::ProgressBar);

impl BarBerkas {
    fn baru(berkas: usize) -> BarBerkas {
        use std::io::IsTerminal;
        let bar = if berkas > 1 && std::io::stderr().is_terminal() {
            indicatif::ProgressBar::new(berkas as u64)
        } else {
            indicatif::ProgressBar::hidden()
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} berkas dibaca, {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        BarBerkas(bar)
    }

    fn kemajuan(&self, selesai: usize, total: usize) {
        self.0.set_length(total as u64);
        self.0.set_position(selesai as u64);
    }

    /// Cleared before the result lines are printed.
    fn selesai(&self) {
        self.0.finish_and_clear();
    }
}

fn jalankan(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.perintah {
        Perintah::Susun {
            masukan,
            keluaran,
            tahun,
            tabel,
            lembar,
            jenis,
            kriteria,
            efisiensi,
            perubahan,
        } => {
            let tabel = tabel
                .iter()
                .map(|&n| {
                    NomorTabel::dari_angka(n).ok_or_else(|| {
                        anyhow::anyhow!("--tabel {n}: tabel yang dapat disusun: 11 sampai 19")
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let pilihan = perintah::Pilihan {
                tahun,
                tabel,
                kriteria: kriteria.map(|k| match k {
                    Kriteria::Permendagri => LabelKriteria::PERMENDAGRI,
                    Kriteria::Baik => LabelKriteria::BAIK,
                }),
                efisiensi: match efisiensi {
                    Efisiensi::Selisih => CaraEfisiensi::Selisih,
                    Efisiensi::Rasio => CaraEfisiensi::Rasio,
                },
                perubahan: match perubahan {
                    Perubahan::Relatif => CaraPerubahan::Relatif,
                    Perubahan::Poin => CaraPerubahan::Poin,
                },
            };
            let mut dilewati = Vec::new();
            let berkas = perintah::kumpulkan(&masukan, &mut dilewati)?;
            let bar = BarBerkas::baru(berkas.len());
            perintah::siapkan_keluaran(&keluaran, &berkas)?;
            let p = perintah::periksa(
                &berkas,
                lembar.as_deref(),
                jenis.map(JenisMasukan::ke_pustaka),
                dilewati,
                BilaGagal::Berhenti,
                nomenklatur(cli.nomenklatur.as_deref())?,
                &|ke, total| bar.kemajuan(ke, total),
            )?;
            bar.selesai();
            cetak_bacaan(&p);
            let tersusun = perintah::susun(&p, &pilihan, &keluaran)?;
            for d in &tersusun.dilewati {
                eprintln!("tanpa      Tabel {}: {}", d.nomor, d.alasan);
            }
            let r = p.ringkasan();
            eprintln!(
                "ditulis    {} ({} tabel + Temuan{}); temuan: {} galat, {} peringatan, {} info",
                keluaran.display(),
                pilihan.tabel.len() - tersusun.dilewati.len(),
                if tersusun.grafik { " + Grafik" } else { "" },
                r.galat,
                r.peringatan,
                r.info
            );
            if r.galat > 0 {
                eprintln!("periksa lembar Temuan atau jalankan `lkjip periksa` untuk rinciannya.");
            }
            Ok(ExitCode::SUCCESS)
        }
        Perintah::Periksa {
            masukan,
            format,
            lembar,
            jenis,
            keluaran,
        } => {
            let mut dilewati = Vec::new();
            let berkas = perintah::kumpulkan(&masukan, &mut dilewati)?;
            let bar = BarBerkas::baru(berkas.len());
            if let Some(k) = &keluaran {
                perintah::siapkan_keluaran(k, &berkas)?;
            }
            let p = perintah::periksa(
                &berkas,
                lembar.as_deref(),
                jenis.map(JenisMasukan::ke_pustaka),
                dilewati,
                BilaGagal::Lanjut,
                nomenklatur(cli.nomenklatur.as_deref())?,
                &|ke, total| bar.kemajuan(ke, total),
            )?;
            bar.selesai();
            if let Some(k) = &keluaran {
                let t = perintah::tandai(&p, &berkas, k)?;
                eprintln!(
                    "ditandai   {}: {} sel galat (merah), {} sel peringatan (kuning) di {} lembar, dan lembar Temuan",
                    k.display(),
                    t.galat,
                    t.peringatan,
                    t.lembar
                );
                let maks = lkjip::write::salinan::CATATAN_JUMLAH_MAKS;
                if t.galat + t.peringatan > maks {
                    eprintln!(
                        "           catatan sel ditulis untuk {maks} sel pertama saja; setiap temuan ada di lembar Temuan"
                    );
                }
            }
            for g in &p.gagal {
                eprintln!("galat: {g}");
            }
            let r = p.ringkasan();
            match format {
                Bentuk::Json => {
                    let keluaran = serde_json::json!({
                        "temuan": p.temuan,
                        "ringkasan": {
                            "galat": r.galat,
                            "peringatan": r.peringatan,
                            "info": r.info,
                            "dipakai": p.dipakai.iter().map(|d| serde_json::json!({"berkas": d.berkas, "lembar": d.lembar, "baris": d.baris})).collect::<Vec<_>>(),
                            "dilewati": p.dilewati.iter().map(|d| serde_json::json!({"berkas": d.berkas, "lembar": d.lembar, "alasan": d.alasan})).collect::<Vec<_>>(),
                        }
                    });
                    println!("{}", serde_json::to_string_pretty(&keluaran)?);
                }
                Bentuk::Teks => {
                    cetak_bacaan(&p);
                    for t in &p.temuan {
                        println!("{t}");
                    }
                    println!(
                        "Ringkasan: {} galat, {} peringatan, {} info dari {} lembar.",
                        r.galat,
                        r.peringatan,
                        r.info,
                        p.dipakai.len()
                    );
                }
            }
            // 2 when an input could not be read, even though the others were checked.
            Ok(if !p.gagal.is_empty() {
                ExitCode::from(2)
            } else if r.galat > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Perintah::Konversi {
            masukan,
            keluaran,
            format,
            jobs,
        } => {
            use std::io::IsTerminal;
            let jobs = jobs.unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
            });
            // A bar on a terminal only: a pipe or a log file gets the summary lines alone.
            let bar = if std::io::stderr().is_terminal() {
                indicatif::ProgressBar::new(0)
            } else {
                indicatif::ProgressBar::hidden()
            };
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} berkas, {elapsed} berjalan, sisa ±{eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            use lkjip::tables::konversi::{Keadaan, Keluaran};
            let bentuk = if format == "csv" {
                Keluaran::Csv
            } else {
                Keluaran::Xlsx
            };
            let k = perintah::konversi(&masukan, &keluaran, bentuk, jobs, &|selesai, total| {
                bar.set_length(total as u64);
                bar.set_position(selesai as u64);
            })?;
            bar.finish_and_clear();
            let hitung = |x| k.tidak_dibaca.iter().filter(|s| s.keadaan == x).count();
            for s in &k.tidak_dibaca {
                eprintln!("{:<10} {}: {}", s.keadaan.nama(), s.berkas, s.alasan);
            }
            let r = k.ringkasan;
            eprintln!(
                "ditulis    {} ({} sub kegiatan, {} baris rincian dari {} berkas; {} dilewati, {} gagal); temuan: {} galat, {} peringatan, {} info",
                keluaran.display(),
                k.sub_kegiatan,
                k.rincian,
                k.dibaca,
                hitung(Keadaan::Dilewati),
                hitung(Keadaan::Gagal),
                r.galat,
                r.peringatan,
                r.info
            );
            Ok(if k.sub_kegiatan == 0 {
                ExitCode::from(2)
            } else if hitung(Keadaan::Gagal) > 0 || r.galat > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Perintah::Templat {
            jenis,
            keluaran,
            tahun,
        } => {
            perintah::siapkan_keluaran(&keluaran, &[])?;
            let f = formulir::formulir(jenis.into(), tahun.unwrap_or_else(formulir::tahun_ini));
            templat::tulis(&f, &keluaran)?;
            eprintln!(
                "ditulis {} ({} lembar isian + {})",
                keluaran.display(),
                f.lembar.len(),
                templat::LEMBAR_PETUNJUK
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
