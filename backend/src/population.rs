//! Made-up people in bulk, for measuring the back office at scale
//! (`kartlegg demo seed --people N`, `scripts/bench-people.sh`). Each
//! person has a completed registration and a full basic identity, so that
//! every search, filter and sort has something to work on. The data is
//! derived from the person's index alone: the same `N` gives the same
//! people on both engines and on every run, and the benchmark can name
//! people (a DUF-number, a national identity number) without asking.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use kartlegg_shared::api::RegistrationStatus;
use kartlegg_shared::caseworker::Gender;
use kartlegg_shared::domain::{Date, DufNumber, NationalId, RegistrationNumber};
use kartlegg_shared::questionnaire::{Answers, shipped_v1};
use uuid::Uuid;

use crate::db::{BulkPerson, Person, Store, StoredRegistration};
use crate::services::registration::facts_of;

/// People per call of the store's bulk path: one transaction each, big
/// enough that commits do not dominate, small enough to stay in memory.
pub const BATCH: usize = 10_000;

/// The made-up people's DUF-numbers are `1999` and eight digits: a year no
/// real series uses, apart from the demo people's `2024…`.
const DUF_PREFIX: u64 = 1999_0000_0000;

/// How far back the people were added: spread evenly over four years, so
/// that a week holds about 0.5 % of them.
const SPAN_DAYS: i64 = 4 * 365;

const SURNAMES: &[&str] = &[
    "Tesfay",
    "Al-Hassan",
    "Kovalenko",
    "Rahimi",
    "Mohammed",
    "Ahmadi",
    "Hussein",
    "Ali",
    "Abdi",
    "Osman",
    "Yusuf",
    "Haile",
    "Gebremedhin",
    "Kidane",
    "Berhane",
    "Tekle",
    "Shevchenko",
    "Bondarenko",
    "Tkachenko",
    "Kravchenko",
    "Melnyk",
    "Boyko",
    "Petrenko",
    "Ivanova",
    "Hakimi",
    "Karimi",
    "Mohammadi",
    "Hosseini",
    "Jafari",
    "Sultani",
    "Noori",
    "Haidari",
    "Al-Khatib",
    "Haddad",
    "Nasser",
    "Khalil",
    "Mansour",
    "Darwish",
    "Ibrahim",
    "Saleh",
    "Farah",
    "Warsame",
    "Jama",
    "Hassan",
    "Nur",
    "Aden",
    "Müller",
    "Ødegård",
    "Çelik",
    "Yılmaz",
    "Şahin",
    "Öztürk",
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Núñez",
    "Peña",
    "Muñoz",
    "García",
    "Álvarez",
    "Søren",
    "Åberg",
    "Dvořák",
    "Novák",
    "Kowalczyk",
    "Wiśniewski",
    "Zieliński",
    "Lewandowski",
    "Asante",
    "Mensah",
    "Owusu",
    "Okafor",
    "Adeyemi",
    "Nwosu",
    "Kamara",
    "Conteh",
    "Bangura",
];

const FIRST_NAMES: &[&str] = &[
    "Yonas",
    "Fatima",
    "Olena",
    "Ahmad",
    "Amina",
    "Mohammed",
    "Ali",
    "Sara",
    "Maryam",
    "Omar",
    "Hana",
    "Yusuf",
    "Aisha",
    "Ibrahim",
    "Zainab",
    "Mustafa",
    "Layla",
    "Hassan",
    "Nour",
    "Khaled",
    "Rahel",
    "Selam",
    "Dawit",
    "Merhawi",
    "Senait",
    "Filmon",
    "Oleksandr",
    "Iryna",
    "Andriy",
    "Natalia",
    "Dmytro",
    "Yulia",
    "Serhiy",
    "Tetiana",
    "Farid",
    "Parisa",
    "Reza",
    "Shirin",
    "Hamid",
    "Zahra",
    "Javad",
    "Leila",
    "Abdullahi",
    "Hodan",
    "Ayaan",
    "Mahad",
    "Ifrah",
    "Said",
    "José",
    "María",
    "Zoë",
    "Renée",
    "Chloé",
    "Jürgen",
    "Ørjan",
    "Åse",
    "Çağla",
    "Şükrü",
    "Thảo",
    "Minh",
    "Kwame",
    "Ama",
    "Chinedu",
    "Ngozi",
    "Fatmata",
    "Mariama",
];

const CITIZENSHIPS: &[&str] = &[
    "ERI", "SYR", "UKR", "AFG", "SOM", "IRN", "IRQ", "SDN", "ETH",
];

/// A well-mixed 64-bit value of `i` and a salt (SplitMix64), so that names,
/// dates and numbers of neighbouring people do not move in step.
fn mix(i: u64, salt: u64) -> u64 {
    let mut z = i
        .wrapping_add(salt.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// An index into a list of `len`, skewed so that the first entries are
/// common and the last rare (the square of a uniform value), as names are.
fn skewed(i: u64, salt: u64, len: usize) -> usize {
    let u = (mix(i, salt) % 10_000) as f64 / 10_000.0;
    ((u * u) * len as f64) as usize
}

/// The DUF-number of the `i`th made-up person.
pub fn duf_number(i: u64) -> DufNumber {
    DufNumber::parse(&format!("{}", DUF_PREFIX + i))
        .unwrap_or_else(|_| unreachable!("twelve digits while i < 10^8"))
}

/// The mod-11 check digit (as `NationalId::parse` checks it); `None` for a
/// remainder that gives 10, which no valid number has.
fn check_digit(digits: &[u32], weights: &[u32]) -> Option<u32> {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    }
}

/// The national identity number of the `i`th person: nine digits unique
/// to `i` and their two check digits; `None` (about one in six, as for
/// people who have none yet) where the digits admit no check digit.
pub fn national_id(i: u64) -> Option<NationalId> {
    // 1 + 3·i mod 9·10^8 is unique for i below 3·10^8.
    let base = 100_000_000 + (i * 3) % 900_000_000;
    let mut d: Vec<u32> = format!("{base:09}")
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .collect();
    d.push(check_digit(&d, &[3, 7, 6, 1, 8, 9, 4, 5, 2])?);
    d.push(check_digit(&d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2])?);
    let text: String = d.iter().map(|n| char::from(b'0' + *n as u8)).collect();
    NationalId::parse(&text).ok()
}

/// The reception centre's registration number of the `i`th person: six
/// digits, unique below a million people (7,919 is prime to 10^6).
pub fn registration_number(i: u64) -> RegistrationNumber {
    RegistrationNumber::parse(&format!("{:06}", (i * 7_919) % 1_000_000))
        .unwrap_or_else(|_| unreachable!("six digits"))
}

/// The date of birth of the `i`th person: 1950 to 2009.
pub fn date_of_birth(i: u64) -> Date {
    let m = mix(i, 3);
    let year = 1950 + (m % 60) as u16;
    let month = 1 + ((m >> 8) % 12) as u8;
    let day = 1 + ((m >> 16) % 28) as u8;
    Date::new(year, month, day).unwrap_or_else(|_| unreachable!("days 1-28 exist"))
}

/// The `i`th of `count` made-up people, added before `now`, with one
/// completed registration.
pub fn person(i: u64, count: u64, organisation_id: Uuid, now: DateTime<Utc>) -> BulkPerson {
    let span = Duration::days(SPAN_DAYS).num_seconds();
    // The first added longest ago; whole seconds, as a clock would give.
    let ago =
        span - span * i64::try_from(i).unwrap_or(0) / i64::try_from(count.max(1)).unwrap_or(1);
    let created_at = now.trunc_subsecs(0) - Duration::seconds(ago.max(1));
    let completed_at =
        (created_at + Duration::minutes(5 + (mix(i, 5) % (14 * 24 * 60)) as i64)).min(now);
    // Ids in the order people were added (as a UUIDv7 would be), so that
    // each batch lands at the end of the primary key instead of all over it.
    let id = Uuid::from_u64_pair(i, mix(i, 7));
    let person = Person {
        id,
        duf_number: duf_number(i),
        organisation_id,
        first_name: FIRST_NAMES[skewed(i, 1, FIRST_NAMES.len())].to_owned(),
        last_name: SURNAMES[skewed(i, 2, SURNAMES.len())].to_owned(),
        created_at,
        date_of_birth: Some(date_of_birth(i)),
        gender: Some(if mix(i, 4).is_multiple_of(2) {
            Gender::Female
        } else {
            Gender::Male
        }),
        citizenships: vec![CITIZENSHIPS[skewed(i, 6, CITIZENSHIPS.len())].to_owned()],
        registration_number: Some(registration_number(i)),
        national_id: national_id(i),
    };
    let registration_id = Uuid::from_u64_pair(i, mix(i, 8));
    let registration = StoredRegistration {
        id: registration_id,
        person_id: id,
        number: 1,
        status: RegistrationStatus::Completed,
        questionnaire_version: shipped_v1().version,
        revision: 7,
        answers: Answers::new(),
        saved_sections: Vec::new(),
        created_at,
        updated_at: completed_at,
        completed_at: Some(completed_at),
        language: Some("nb".to_owned()),
        provenance: Default::default(),
    };
    // Answers from the demo's weighted mix, so that statistics over the
    // population look like the demo's; their facts as a completion makes them.
    let questionnaire = shipped_v1();
    let answers: Answers = serde_json::from_value(crate::demo::completed_answers(
        u32::try_from(mix(i, 9) % u64::from(crate::demo::DEMO_COMPLETED)).unwrap_or(0),
    ))
    .unwrap_or_default();
    let facts = facts_of(&person, questionnaire, &answers, completed_at);
    BulkPerson {
        person,
        registrations: vec![StoredRegistration {
            provenance: applicant_gave_all(&answers),
            answers,
            ..registration
        }],
        facts: vec![(registration_id, facts)],
    }
}

/// Adds people `from..from + count` of a population of `total` to the
/// organisation through the store's bulk path, [`BATCH`] per transaction;
/// `progress` is told how many are in after each.
pub async fn insert(
    store: &dyn Store,
    organisation_id: Uuid,
    from: u64,
    count: u64,
    total: u64,
    now: DateTime<Utc>,
    mut progress: impl FnMut(u64),
) -> Result<u64, crate::db::StoreError> {
    let mut done = 0;
    while done < count {
        let n = (count - done).min(BATCH as u64);
        let batch: Vec<BulkPerson> = (from + done..from + done + n)
            .map(|i| person(i, total, organisation_id, now))
            .collect();
        done += store.insert_people_bulk(&batch).await?;
        progress(done);
    }
    Ok(done)
}

/// Every answer as given by the applicant in their own session, as the
/// demo's and the population's made-up registrations are.
pub fn applicant_gave_all(answers: &Answers) -> kartlegg_shared::together::Provenance {
    answers
        .iter()
        .map(|(id, _)| {
            (
                id.to_owned(),
                kartlegg_shared::together::AnswerProvenance::applicant(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numbers_are_valid_and_distinct() {
        let ids: std::collections::HashSet<_> = (0..20_000).filter_map(national_id).collect();
        assert!(ids.len() > 15_000, "most people have one: {}", ids.len());
        let regs: std::collections::HashSet<_> = (0..20_000).map(registration_number).collect();
        assert_eq!(regs.len(), 20_000);
        assert_eq!(duf_number(42).as_str(), "199900000042");
    }

    #[test]
    fn people_are_added_in_order_over_four_years() {
        let now = Utc::now();
        let org = Uuid::new_v4();
        let first = person(0, 1000, org, now);
        let last = person(999, 1000, org, now);
        assert!(first.person.created_at < last.person.created_at);
        assert!(now - first.person.created_at >= Duration::days(SPAN_DAYS - 1));
        assert!(last.person.created_at < now);
        assert_eq!(last.registrations[0].person_id, last.person.id);
    }
}
