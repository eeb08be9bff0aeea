//! Integration tests: the built `lkjip` binary on the samples, the real SIPD file and bad
//! inputs. Expected numbers come from seed 001 (read from `../shared/seeds/`) or from the
//! input files' own stated totals, never from the program under test.

mod bantu;
mod gabung;
mod luap;
mod masukan_rusak;
mod sampel;
