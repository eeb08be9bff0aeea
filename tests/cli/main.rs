//! Integration tests: the built `lkjip` binary on the samples, the real SIPD file and bad
//! inputs. Expected numbers come from seed 001 (its figures copied into
//! `tests/data/seed-001.txt`) or from the input files' own stated totals, never from the
//! program under test. Every fixture is inside the repository.

mod bantu;
mod bentuk;
mod diketik;
mod dpa;
mod dpa_html;
mod dpa_tabel;
mod gabung;
mod html_csv;
mod kinerja;
mod konversi_csv;
mod luap;
mod masukan_rusak;
mod nomenklatur;
mod pk;
mod renja;
mod sampel;
mod tandai;
mod templat;
