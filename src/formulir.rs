//! Formulir: the input forms lkjip defines for data no official export holds, as plain data.
//!
//! The same description makes the blank workbook (`lkjip templat`, written by `write`) and
//! is what the readers recognise first: every column title here is one of the synonyms its
//! reader accepts (a test holds them together). A user may retitle, reorder or add columns;
//! the readers find columns by what their titles mean, not by position.

/// What a column holds, for the form's data validation and number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisIsi {
    Teks,
    /// A number (a target, a realisasi): decimals allowed; `n/a` is allowed as text.
    Angka,
    /// A rupiah amount.
    Rupiah,
    /// One of the listed words.
    Pilihan(&'static [&'static str]),
    /// A whole number from 1 to 4.
    Triwulan,
    /// A year, 2000–2100.
    Tahun,
}

/// One column of a form.
#[derive(Debug, Clone, PartialEq)]
pub struct KolomFormulir {
    pub judul: &'static str,
    /// What to write in it: shown as the header cell's note and on the Petunjuk sheet.
    pub penjelasan: &'static str,
    pub isi: JenisIsi,
    pub lebar: f64,
    /// The reader refuses the sheet without it.
    pub wajib: bool,
}

/// One table on a sheet of a form.
#[derive(Debug, Clone, PartialEq)]
pub struct TabelFormulir {
    /// Lines above the header (a title, facts such as `Jabatan :`), one cell each.
    pub pembuka: Vec<String>,
    pub kolom: Vec<KolomFormulir>,
    /// Rows prepared (borders, formats, validation) under the header.
    pub baris_isian: u32,
    /// A closing row's label in the first text column (`JUMLAH`), if the table has one.
    pub penutup: Option<&'static str>,
}

/// One sheet of a form.
#[derive(Debug, Clone, PartialEq)]
pub struct LembarFormulir {
    pub nama: &'static str,
    /// What the sheet is for, on the Petunjuk sheet.
    pub guna: &'static str,
    pub tabel: Vec<TabelFormulir>,
}

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisFormulir {
    Realisasi,
    Pk,
    Kinerja,
}

impl JenisFormulir {
    pub const SEMUA: [JenisFormulir; 3] = [
        JenisFormulir::Realisasi,
        JenisFormulir::Pk,
        JenisFormulir::Kinerja,
    ];

    /// The name used on the command line and for the committed file (`templates/NAMA.xlsx`).
    pub fn nama(self) -> &'static str {
        match self {
            JenisFormulir::Realisasi => "realisasi",
            JenisFormulir::Pk => "pk",
            JenisFormulir::Kinerja => "kinerja",
        }
    }
}

/// A whole form: its sheets and the general notes of its Petunjuk sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Formulir {
    pub jenis: JenisFormulir,
    pub lembar: Vec<LembarFormulir>,
    pub petunjuk: Vec<&'static str>,
}

pub const POLARITAS: &[&str] = &["naik", "turun"];
pub const YA_TIDAK: &[&str] = &["ya", "tidak"];

/// Titles of the kinerja form's columns, shared with the reader (`recognise::kinerja`).
pub mod judul {
    pub const NO: &str = "No";
    pub const SASARAN: &str = "Sasaran Strategis";
    pub const INDIKATOR: &str = "Indikator Kinerja";
    pub const SATUAN: &str = "Satuan";
    pub const POLARITAS: &str = "Polaritas";
    pub const KUMULATIF: &str = "Kumulatif";
    pub const FORMULA: &str = "Formula Perhitungan";
    pub const SUMBER_DATA: &str = "Sumber Data";
    pub const PENANGGUNG_JAWAB: &str = "Penanggung Jawab";
    pub const KONDISI_AWAL: &str = "Kondisi Awal";
    pub const TARGET_AKHIR: &str = "Target Akhir Renstra";
    pub const TAHUN: &str = "Tahun";
    pub const TRIWULAN: &str = "Triwulan";
    pub const TARGET: &str = "Target";
    pub const TARGET_RENSTRA: &str = "Target Renstra";
    pub const REALISASI: &str = "Realisasi";
    pub const KETERANGAN: &str = "Keterangan";
    pub const UNIT: &str = "Unit";
    pub const KODE: &str = "Kode";
    pub const URAIAN: &str = "Program / Kegiatan / Sub Kegiatan";
    pub const INDIKATOR_PERMENDAGRI: &str = "Indikator Permendagri";
    pub const SATUAN_REALISASI: &str = "Satuan Realisasi";
    pub const PROGRAM: &str = "Program";
}

fn kolom(
    judul: &'static str,
    penjelasan: &'static str,
    isi: JenisIsi,
    lebar: f64,
    wajib: bool,
) -> KolomFormulir {
    KolomFormulir {
        judul,
        penjelasan,
        isi,
        lebar,
        wajib,
    }
}

/// The form of `jenis` for tahun `tahun` (the year the report is about).
pub fn formulir(jenis: JenisFormulir, tahun: i32) -> Formulir {
    match jenis {
        JenisFormulir::Realisasi => realisasi(tahun),
        JenisFormulir::Pk => pk(tahun),
        JenisFormulir::Kinerja => kinerja(),
    }
}

fn realisasi(tahun: i32) -> Formulir {
    use JenisIsi::*;
    Formulir {
        jenis: JenisFormulir::Realisasi,
        lembar: vec![LembarFormulir {
            nama: "Realisasi",
            guna: "realisasi anggaran per urusan, bidang, organisasi, sub unit, program, kegiatan dan sub kegiatan (bila tidak ada ekspor LRA/SIPD)",
            tabel: vec![TabelFormulir {
                pembuka: vec![
                    "REALISASI ANGGARAN PER PROGRAM, KEGIATAN DAN SUB KEGIATAN".to_string(),
                    format!("TAHUN ANGGARAN {tahun}"),
                ],
                kolom: vec![
                    kolom(
                        "Kode",
                        "kode nomenklatur Kepmendagri 050-5889/2021, mis. 7.01.01.2.01.01",
                        Teks,
                        24.0,
                        false,
                    ),
                    kolom(
                        "Uraian Urusan, Bidang, Organisasi, Program, Kegiatan, dan Sub Kegiatan",
                        "nama baris sebagaimana di DPA",
                        Teks,
                        60.0,
                        true,
                    ),
                    kolom(
                        "Pagu Anggaran",
                        "pagu (setelah perubahan bila ada), angka rupiah",
                        Rupiah,
                        20.0,
                        true,
                    ),
                    kolom(
                        "Realisasi",
                        "realisasi s.d. akhir tahun, angka rupiah",
                        Rupiah,
                        20.0,
                        true,
                    ),
                    kolom("%", "boleh kosong: lkjip menghitungnya", Angka, 9.0, false),
                    kolom(
                        "Sisa Anggaran",
                        "boleh kosong: lkjip menghitungnya",
                        Rupiah,
                        20.0,
                        false,
                    ),
                    kolom(
                        "Realisasi Fisik (%)",
                        "realisasi fisik sub kegiatan, 0–100",
                        Angka,
                        12.0,
                        false,
                    ),
                ],
                baris_isian: 200,
                penutup: Some("JUMLAH"),
            }],
        }],
        petunjuk: vec![
            "Isi satu baris per urusan, bidang, organisasi, sub unit, program, kegiatan dan sub kegiatan, dengan kodenya; baris terakhir JUMLAH.",
            "Angka ditulis sebagai angka, atau sebagai teks cara Indonesia (1.234.567,89).",
            "Kolom % dan sisa boleh dikosongkan; bila diisi, lkjip memeriksanya.",
        ],
    }
}

fn pk(tahun: i32) -> Formulir {
    use JenisIsi::*;
    Formulir {
        jenis: JenisFormulir::Pk,
        lembar: vec![LembarFormulir {
            nama: "PK",
            guna: "lampiran Perjanjian Kinerja satu jabatan: sasaran dengan indikator dan targetnya, lalu program dengan anggarannya; satu lembar per PK",
            tabel: vec![
                TabelFormulir {
                    pembuka: vec![
                        format!("PERJANJIAN KINERJA TAHUN {tahun}"),
                        "Instansi : ".to_string(),
                        "Pihak Pertama Jabatan : ".to_string(),
                        "Pihak Kedua Jabatan : ".to_string(),
                    ],
                    kolom: vec![
                        kolom("No", "nomor urut", Teks, 6.0, false),
                        kolom(
                            "Sasaran Strategis",
                            "sasaran; baris berikutnya boleh kosong bila sasarannya sama",
                            Teks,
                            45.0,
                            true,
                        ),
                        kolom(
                            "Indikator Kinerja",
                            "satu indikator per baris",
                            Teks,
                            45.0,
                            true,
                        ),
                        kolom("Satuan", "Nilai, %, Dokumen, Orang …", Teks, 12.0, false),
                        kolom(
                            "Target",
                            "angka target tahun ini; satuan boleh ditulis di sel ini (18 Org/Bulan)",
                            Teks,
                            14.0,
                            true,
                        ),
                    ],
                    baris_isian: 10,
                    penutup: None,
                },
                TabelFormulir {
                    pembuka: Vec::new(),
                    kolom: vec![
                        kolom("No", "nomor urut", Teks, 6.0, false),
                        kolom(
                            "Program",
                            "program (atau kegiatan, sub kegiatan) yang mendanai sasaran",
                            Teks,
                            45.0,
                            true,
                        ),
                        kolom("Anggaran", "angka rupiah", Rupiah, 20.0, true),
                        kolom("Keterangan", "sumber dana, catatan", Teks, 20.0, false),
                    ],
                    baris_isian: 15,
                    penutup: Some("JUMLAH"),
                },
            ],
        }],
        petunjuk: vec![
            "Satu lembar per Perjanjian Kinerja; salin lembar ini untuk PK jabatan lain.",
            "Nama pihak dibaca hanya untuk mengenali dokumen; tidak pernah disalin ke tabel.",
            "Baris JUMLAH diisi jumlah anggaran yang tertulis di PK; lkjip memeriksanya.",
        ],
    }
}

fn kinerja() -> Formulir {
    use JenisIsi::*;
    use judul as j;
    let tabel = |kolom: Vec<KolomFormulir>, baris_isian| TabelFormulir {
        pembuka: Vec::new(),
        kolom,
        baris_isian,
        penutup: None,
    };
    Formulir {
        jenis: JenisFormulir::Kinerja,
        lembar: vec![
            LembarFormulir {
                nama: "IKU",
                guna: "indikator kinerja utama Renstra (LKjIP Tabel 4 dan 5): satu baris per indikator",
                tabel: vec![tabel(
                    vec![
                        kolom(j::NO, "nomor sasaran", Teks, 6.0, false),
                        kolom(j::SASARAN, "sasaran strategis Renstra", Teks, 40.0, true),
                        kolom(
                            j::INDIKATOR,
                            "indikator kinerja utama; namanya dipakai di lembar lain",
                            Teks,
                            40.0,
                            true,
                        ),
                        kolom(j::SATUAN, "Nilai, %, Dokumen …", Teks, 10.0, false),
                        kolom(
                            j::POLARITAS,
                            "naik: makin tinggi makin baik; turun: makin rendah makin baik (kosong = naik)",
                            Pilihan(POLARITAS),
                            10.0,
                            false,
                        ),
                        kolom(
                            j::KUMULATIF,
                            "ya bila realisasi Renstra dijumlahkan dari tahun ke tahun (kosong = tidak)",
                            Pilihan(YA_TIDAK),
                            10.0,
                            false,
                        ),
                        kolom(
                            j::FORMULA,
                            "penjelasan atau rumus perhitungan indikator",
                            Teks,
                            30.0,
                            false,
                        ),
                        kolom(
                            j::SUMBER_DATA,
                            "dokumen sumber angka realisasi",
                            Teks,
                            25.0,
                            false,
                        ),
                        kolom(
                            j::PENANGGUNG_JAWAB,
                            "jabatan yang bertanggung jawab",
                            Teks,
                            20.0,
                            false,
                        ),
                        kolom(
                            j::KONDISI_AWAL,
                            "kondisi kinerja pada awal periode Renstra",
                            Angka,
                            12.0,
                            false,
                        ),
                        kolom(
                            j::TARGET_AKHIR,
                            "target pada akhir periode Renstra (LKjIP Tabel 14)",
                            Angka,
                            12.0,
                            false,
                        ),
                    ],
                    20,
                )],
            },
            LembarFormulir {
                nama: "Tahunan",
                guna: "target Renstra dan realisasi per tahun (LKjIP Tabel 5, 13, 14): satu baris per indikator per tahun",
                tabel: vec![tabel(
                    vec![
                        kolom(
                            j::INDIKATOR,
                            "nama indikator sebagaimana di lembar IKU",
                            Teks,
                            45.0,
                            true,
                        ),
                        kolom(j::TAHUN, "tahun, mis. 2022", Tahun, 8.0, true),
                        kolom(
                            j::TARGET_RENSTRA,
                            "target tahun itu menurut Renstra; kosong bila tidak ada",
                            Angka,
                            12.0,
                            false,
                        ),
                        kolom(
                            j::REALISASI,
                            "realisasi tahun itu; n/a bila tidak diukur (bukan 0)",
                            Angka,
                            12.0,
                            false,
                        ),
                        kolom(j::KETERANGAN, "catatan", Teks, 30.0, false),
                    ],
                    60,
                )],
            },
            LembarFormulir {
                nama: "Triwulan",
                guna: "target dan realisasi tahun laporan per triwulan (LKjIP Tabel 12): satu baris per indikator per triwulan",
                tabel: vec![tabel(
                    vec![
                        kolom(
                            j::INDIKATOR,
                            "nama indikator sebagaimana di lembar IKU",
                            Teks,
                            45.0,
                            true,
                        ),
                        kolom(j::TRIWULAN, "1, 2, 3 atau 4", Triwulan, 9.0, true),
                        kolom(j::TARGET, "target s.d. triwulan itu", Angka, 12.0, false),
                        kolom(
                            j::REALISASI,
                            "realisasi s.d. triwulan itu; n/a bila tidak diukur",
                            Angka,
                            12.0,
                            false,
                        ),
                        kolom(j::KETERANGAN, "catatan", Teks, 30.0, false),
                    ],
                    40,
                )],
            },
            LembarFormulir {
                nama: "Program",
                guna: "indikator program, kegiatan dan sub kegiatan (LKjIP Tabel 17); anggaran dan realisasinya diambil dari buku kerja realisasi",
                tabel: vec![tabel(
                    vec![
                        kolom(
                            j::UNIT,
                            "organisasi atau sub unit (kosong = sama dengan baris di atasnya)",
                            Teks,
                            22.0,
                            false,
                        ),
                        kolom(
                            j::KODE,
                            "kode program/kegiatan/sub kegiatan; bila kosong dicocokkan dengan namanya",
                            Teks,
                            18.0,
                            false,
                        ),
                        kolom(
                            j::URAIAN,
                            "nama program, kegiatan atau sub kegiatan; kosong = indikator tambahan baris di atasnya",
                            Teks,
                            40.0,
                            false,
                        ),
                        kolom(
                            j::INDIKATOR,
                            "indikator program (outcome) atau kegiatan (output)",
                            Teks,
                            35.0,
                            true,
                        ),
                        kolom(
                            j::INDIKATOR_PERMENDAGRI,
                            "indikator menurut Kepmendagri 050-5889/2021",
                            Teks,
                            35.0,
                            false,
                        ),
                        kolom(j::TARGET, "target kinerja (angka)", Angka, 10.0, false),
                        kolom(j::SATUAN, "satuan target", Teks, 10.0, false),
                        kolom(
                            j::REALISASI,
                            "realisasi kinerja (angka); n/a bila tidak diukur",
                            Angka,
                            10.0,
                            false,
                        ),
                        kolom(
                            j::SATUAN_REALISASI,
                            "kosong = sama dengan satuan target",
                            Teks,
                            10.0,
                            false,
                        ),
                        kolom(
                            j::PENANGGUNG_JAWAB,
                            "unit perangkat daerah penanggung jawab",
                            Teks,
                            20.0,
                            false,
                        ),
                    ],
                    150,
                )],
            },
            LembarFormulir {
                nama: "Peta Anggaran",
                guna: "program yang mendanai tiap sasaran (LKjIP Tabel 7 dan 8), untuk anggaran per sasaran di Tabel 15",
                tabel: vec![tabel(
                    vec![
                        kolom(
                            j::SASARAN,
                            "sasaran sebagaimana di lembar IKU",
                            Teks,
                            45.0,
                            true,
                        ),
                        kolom(
                            j::UNIT,
                            "organisasi atau sub unit; kosong = semua unit yang menjalankan program itu",
                            Teks,
                            25.0,
                            false,
                        ),
                        kolom(j::PROGRAM, "kode atau nama program", Teks, 45.0, true),
                    ],
                    30,
                )],
            },
        ],
        petunjuk: vec![
            "Isi angka sebagai angka (87,4 atau 100), bukan sebagai persen Excel (100% tersimpan sebagai 1).",
            "n/a berarti tidak diukur: tidak pernah dihitung sebagai 0.",
            "Anggaran dan realisasi tidak diketik di sini: diambil dari buku kerja realisasi (kode, atau nama).",
            "Target tahun laporan diambil dari Perjanjian Kinerja bila PK disertakan, jika tidak dari lembar Tahunan.",
        ],
    }
}

/// The current year by the system clock (UTC), the default `--tahun` of `lkjip templat`:
/// a form is usually prepared in the year it is about (a PK is signed at its start).
pub fn tahun_ini() -> i32 {
    let detik = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    tahun_dari_hari((detik / 86_400) as i64)
}

/// The year of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`): one
/// number does not need a date crate.
fn tahun_dari_hari(hari: i64) -> i32 {
    let z = hari + 719_468;
    let era = z.div_euclid(146_097);
    let hari_era = z.rem_euclid(146_097);
    let tahun_era = (hari_era - hari_era / 1460 + hari_era / 36_524 - hari_era / 146_096) / 365;
    let hari_tahun = hari_era - (365 * tahun_era + tahun_era / 4 - tahun_era / 100);
    // Months counted from March: January and February belong to the next civil year.
    let bulan_maret = (5 * hari_tahun + 2) / 153;
    let tahun = tahun_era + era * 400 + i64::from(bulan_maret >= 10);
    tahun as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tahun_dari_hari_sejak_1970() {
        assert_eq!(tahun_dari_hari(0), 1970);
        assert_eq!(tahun_dari_hari(-1), 1969);
        // 2024-01-01, 2024-02-29, 2024-12-31, 2025-01-01.
        assert_eq!(tahun_dari_hari(19_723), 2024);
        assert_eq!(tahun_dari_hari(19_782), 2024);
        assert_eq!(tahun_dari_hari(20_088), 2024);
        assert_eq!(tahun_dari_hari(20_089), 2025);
        // 2000-03-01 and 2100-01-01.
        assert_eq!(tahun_dari_hari(11_017), 2000);
        assert_eq!(tahun_dari_hari(47_482), 2100);
        assert!((2025..2200).contains(&tahun_ini()));
    }
}
