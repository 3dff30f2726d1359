//! Properties of the evaluator and validator over random answer sets for the
//! shipped questionnaire: mostly plausible answers (real option codes, numbers
//! near the ranges), with junk mixed in (wrong shapes, unknown codes and
//! questions, blank strings, Eastern Arabic digits).

use std::collections::BTreeSet;

use kartlegg_shared::codes;
use kartlegg_shared::questionnaire::{
    self, AnswerKind, AnswerValue, Answers, Context, ErrorCode, Question, Questionnaire,
    Submission, evaluate, prune, validate,
};
use proptest::prelude::*;

const CTX: Context = Context { current_year: 2026 };

/// Draws decisions from a proptest-generated stream; an exhausted stream
/// answers 0, so shrinking leads towards "no answers".
struct Draw<'a> {
    stream: &'a [u32],
    at: usize,
    /// Plausible values only (offered codes, numbers and texts in range), so
    /// that properties about valid answer sets get enough of them.
    tidy: bool,
}

impl Draw<'_> {
    fn next(&mut self) -> u32 {
        let v = self.stream.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        v
    }

    fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n.max(1)
    }
}

fn offered(question: &Question, tidy: bool) -> Vec<String> {
    let mut codes: Vec<String> = question
        .answer
        .options()
        .iter()
        .map(|o| o.code.clone())
        .collect();
    if let Some((list, exclude)) = question.answer.list() {
        // Unless tidy, excluded codes stay in on purpose: they must be refused.
        let keep = |c: &&str| !tidy || !exclude.iter().any(|e| e == c);
        codes.extend(codes::shipped(list).codes().filter(keep).map(str::to_owned));
    }
    codes
}

fn junk(d: &mut Draw<'_>) -> AnswerValue {
    match d.below(7) {
        0 => AnswerValue::Number(i64::from(d.next()) - 1_000),
        1 => AnswerValue::Text("zz".into()),
        2 => AnswerValue::Text("  ".into()),
        3 => AnswerValue::Text("١٢".into()),
        4 => AnswerValue::Choices(vec!["zz".into()]),
        5 => AnswerValue::Group(vec![Answers::new().with("zz", 1)]),
        _ => AnswerValue::Choices(Vec::new()),
    }
}

fn value(d: &mut Draw<'_>, question: &Question) -> Option<AnswerValue> {
    match d.below(10) {
        0..=2 => return None,
        3 if !d.tidy => return Some(junk(d)),
        _ => {}
    }
    let codes = offered(question, d.tidy);
    let slack = if d.tidy { 0 } else { 2 };
    Some(match &question.answer {
        AnswerKind::SingleChoice { .. } | AnswerKind::List { .. } => {
            AnswerValue::Text(codes[d.below(codes.len())].clone())
        }
        AnswerKind::MultipleChoice { .. } => {
            let n = 1 + d.below(3);
            AnswerValue::Choices(
                (0..n)
                    .map(|_| codes[d.below(codes.len())].clone())
                    .collect(),
            )
        }
        AnswerKind::Number { min, max, .. } => {
            let span = usize::try_from(max - min + 1 + 2 * slack).unwrap_or(1);
            AnswerValue::Number(min - slack + i64::try_from(d.below(span)).unwrap_or(0))
        }
        AnswerKind::Year { earliest, latest } => {
            let span = usize::try_from(latest - earliest + 1).unwrap_or(1) + 2 * slack as usize;
            let first = i64::from(CTX.current_year + earliest) - slack;
            AnswerValue::Number(first + i64::try_from(d.below(span)).unwrap_or(0))
        }
        AnswerKind::ShortText { max_length } => {
            AnswerValue::Text("a".repeat(1 + d.below(*max_length as usize + slack as usize)))
        }
        AnswerKind::Info => junk(d),
        AnswerKind::Group { questions, max, .. } => {
            let entries = d.below(*max as usize + 2).min(4);
            AnswerValue::Group((0..entries).map(|_| answer_set(d, questions)).collect())
        }
    })
}

fn answer_set(d: &mut Draw<'_>, questions: &[Question]) -> Answers {
    let mut answers = Answers::new();
    for question in questions {
        if let Some(v) = value(d, question) {
            answers.set(question.id.clone(), v);
        }
    }
    if !d.tidy && d.below(20) == 0 {
        answers.set("no_such_question", "yes");
    }
    answers
}

fn random_answers(stream: &[u32], tidy: bool) -> Answers {
    let q = questionnaire::shipped_v1();
    let top: Vec<Question> = q.questions().cloned().collect();
    answer_set(
        &mut Draw {
            stream,
            at: 0,
            tidy,
        },
        &top,
    )
}

fn stream() -> impl Strategy<Value = (Vec<u32>, bool)> {
    (prop::collection::vec(any::<u32>(), 0..400), any::<bool>())
}

fn q() -> &'static Questionnaire {
    questionnaire::shipped_v1()
}

proptest! {
    // No failure files: a failing case is printed, and a test binary has no
    // lib.rs beside it for proptest to put them next to.
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_answers_never_make_evaluator_or_validator_panic((s, tidy) in stream()) {
        let a = random_answers(&s, tidy);
        let _ = evaluate(q(), &a);
        let _ = prune(q(), &a);
        let _ = validate(q(), &a, &CTX, Submission::whole());
        let _ = validate(q(), &a, &CTX, Submission::whole().draft());
        for section in &q().sections {
            let _ = validate(q(), &a, &CTX, Submission::section(&section.id));
        }
    }

    #[test]
    fn validate_of_its_own_output_is_idempotent((s, tidy) in stream()) {
        let pruned = prune(q(), &random_answers(&s, tidy));
        if let Ok(normalised) = validate(q(), &pruned, &CTX, Submission::whole().draft()) {
            prop_assert_eq!(validate(q(), &normalised, &CTX, Submission::whole().draft()), Ok(normalised.clone()));
            prop_assert_eq!(prune(q(), &normalised), normalised);
        }
    }

    #[test]
    fn prune_is_idempotent_and_leaves_nothing_hidden_or_unknown((s, tidy) in stream()) {
        let pruned = prune(q(), &random_answers(&s, tidy));
        prop_assert_eq!(prune(q(), &pruned), pruned.clone());
        if let Err(errors) = validate(q(), &pruned, &CTX, Submission::whole().draft()) {
            for e in errors {
                prop_assert!(
                    !matches!(e.code, ErrorCode::UnknownQuestion | ErrorCode::Required),
                    "{:?}", e
                );
            }
        }
    }

    #[test]
    fn hidden_question_is_never_reported_missing((s, tidy) in stream()) {
        let a = random_answers(&s, tidy);
        let e = evaluate(q(), &a);
        let visible: BTreeSet<&str> = e.visible_paths().into_iter().collect();
        for section in &e.sections {
            for path in &section.missing {
                prop_assert!(visible.contains(path.as_str()), "{} missing but hidden", path);
            }
        }
        if let Err(errors) = validate(q(), &a, &CTX, Submission::whole()) {
            for err in errors.iter().filter(|e| e.code == ErrorCode::Required) {
                prop_assert!(visible.contains(err.path.as_str()), "{} required but hidden", err.path);
            }
        }
    }

    #[test]
    fn every_visible_required_unanswered_question_is_reported((s, tidy) in stream()) {
        let a = random_answers(&s, tidy);
        let e = evaluate(q(), &a);
        let visible: BTreeSet<&str> = e.visible_paths().into_iter().collect();
        for section in &q().sections {
            let missing = e.missing(&section.id);
            for question in &section.questions {
                if visible.contains(question.id.as_str()) && question.is_required() && a.answered(&question.id).is_none() {
                    prop_assert!(missing.contains(&question.id), "{} not reported", question.id);
                }
                let (Some(subs), Some(AnswerValue::Group(entries))) =
                    (question.answer.group_questions(), a.answered(&question.id)) else { continue };
                for (i, entry) in entries.iter().enumerate() {
                    for sub in subs {
                        let path = format!("{}/{i}/{}", question.id, sub.id);
                        if visible.contains(path.as_str()) && sub.is_required() && entry.answered(&sub.id).is_none() {
                            prop_assert!(missing.contains(&path), "{} not reported", path);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn server_required_errors_equal_the_browsers_missing_list((s, tidy) in stream()) {
        let a = random_answers(&s, tidy);
        let e = evaluate(q(), &a);
        let missing: BTreeSet<&str> = e.sections.iter().flat_map(|s| s.missing.iter().map(String::as_str)).collect();
        let required: BTreeSet<String> = match validate(q(), &a, &CTX, Submission::whole()) {
            Ok(_) => BTreeSet::new(),
            Err(errors) => errors.into_iter().filter(|e| e.code == ErrorCode::Required).map(|e| e.path).collect(),
        };
        let required: BTreeSet<&str> = required.iter().map(String::as_str).collect();
        prop_assert_eq!(required, missing);
    }
}

/// Sets (or with `None` clears) the answer at `path`, as the browser does:
/// a question id, or `group/entry/question` inside a repeatable group.
fn set_at(answers: &mut Answers, path: &str, value: Option<AnswerValue>) {
    let parts: Vec<&str> = path.split('/').collect();
    match (parts.as_slice(), value) {
        ([id], Some(v)) => {
            answers.set(*id, v);
        }
        ([id], None) => {
            answers.remove(id);
        }
        ([group, index, id], value) => {
            let Some(AnswerValue::Group(mut entries)) = answers.get(group).cloned() else {
                return;
            };
            let Some(entry) = index.parse::<usize>().ok().and_then(|i| entries.get_mut(i)) else {
                return;
            };
            match value {
                Some(v) => {
                    entry.set(*id, v);
                }
                None => {
                    entry.remove(id);
                }
            }
            answers.set(*group, AnswerValue::Group(entries));
        }
        _ => {}
    }
}

/// Every visible question as the page shows it: its path, the question, and
/// the option codes the page offers now.
fn visible_questions(answers: &Answers) -> Vec<(String, Question, Vec<String>)> {
    fn walk(
        views: &[questionnaire::QuestionView<'_>],
        out: &mut Vec<(String, Question, Vec<String>)>,
    ) {
        for v in views {
            let options = if v.question.answer.options().is_empty() {
                offered(v.question, true)
            } else {
                v.options.iter().map(|o| o.code.clone()).collect()
            };
            out.push((v.path.clone(), v.question.clone(), options));
            for entry in &v.entries {
                walk(entry, out);
            }
        }
    }
    let e = evaluate(q(), answers);
    let mut out = Vec::new();
    for s in &e.sections {
        walk(&s.questions, &mut out);
    }
    out
}

/// One change a person can make on a page: answer a visible question with a
/// value the page lets them give (one of the options shown, a number in the
/// shown range), clear it, or add or remove a group entry.
fn change(d: &mut Draw<'_>, answers: &mut Answers) {
    let visible = visible_questions(answers);
    if visible.is_empty() {
        return;
    }
    let (path, question, options) = &visible[d.below(visible.len())];
    match &question.answer {
        AnswerKind::Group { max, .. } => {
            let mut entries = match answers.get(path) {
                Some(AnswerValue::Group(e)) => e.clone(),
                _ => Vec::new(),
            };
            if entries.len() < *max as usize && d.below(3) > 0 {
                entries.push(Answers::new());
            } else {
                entries.pop();
            }
            answers.set(path.clone(), AnswerValue::Group(entries));
        }
        AnswerKind::Info => {}
        AnswerKind::SingleChoice { .. }
        | AnswerKind::List { .. }
        | AnswerKind::MultipleChoice { .. } => {
            if options.is_empty() || d.below(6) == 0 {
                set_at(answers, path, None);
            } else {
                let code = options[d.below(options.len())].clone();
                let value = if matches!(question.answer, AnswerKind::MultipleChoice { .. }) {
                    AnswerValue::Choices(vec![code])
                } else {
                    AnswerValue::Text(code)
                };
                set_at(answers, path, Some(value));
            }
        }
        _ => {
            let value = value(d, question);
            set_at(answers, path, value);
        }
    }
}

/// What the server does with a saved part: the stored answers with this
/// part's replaced by the payload, checked as a draft.
fn save(
    stored: &Answers,
    section: &str,
    payload: &Answers,
) -> Result<Answers, Vec<questionnaire::AnswerError>> {
    let mut merged = Answers::new();
    for (id, v) in stored.iter() {
        if q().section_of(id) != Some(section) {
            merged.set(id, v.clone());
        }
    }
    for (id, v) in payload.iter() {
        merged.set(id, v.clone());
    }
    validate(q(), &merged, &CTX, Submission::section(section).draft()).map(|a| prune(q(), &a))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// Changing your mind never blocks a part: whatever answers a person gives and takes back,
    /// in any order, saving a part is accepted, both as the browser sends it
    /// (pruned) and as an older browser sent it (with answers now hidden).
    #[test]
    fn any_sequence_of_answer_changes_saves(s in prop::collection::vec(any::<u32>(), 0..600)) {
        let mut d = Draw { stream: &s, at: 0, tidy: true };
        let mut local = Answers::new();
        let mut stored = Answers::new();
        let steps = 5 + d.below(80);
        for _ in 0..steps {
            change(&mut d, &mut local);
            if d.below(4) == 0 {
                let section = &q().sections[d.below(q().sections.len())].id;
                let mut raw = Answers::new();
                for (id, v) in local.iter() {
                    if q().section_of(id) == Some(section.as_str()) {
                        raw.set(id, v.clone());
                    }
                }
                let unpruned = save(&stored, section, &raw);
                prop_assert!(unpruned.is_ok(), "{section} unpruned: {unpruned:?} for {local:?}");
                let payload = questionnaire::section_payload(q(), &local, section);
                let saved = save(&stored, section, &payload);
                prop_assert!(saved.is_ok(), "{section}: {saved:?} for {payload:?}");
                // Pruned against what the server will merge (this part as
                // the browser has it, the other parts as stored), the
                // payload stores exactly what the unpruned one does. (The
                // browser prunes against its own other parts, which may
                // hold unsaved changes: then a follow-up that depends on
                // an unsaved answer in another part can differ.)
                let mut view = Answers::new();
                for (id, v) in stored.iter() {
                    if q().section_of(id) != Some(section.as_str()) {
                        view.set(id, v.clone());
                    }
                }
                for (id, v) in raw.iter() {
                    view.set(id, v.clone());
                }
                let consistent = save(&stored, section, &questionnaire::section_payload(q(), &view, section));
                prop_assert_eq!(consistent.as_ref().ok(), unpruned.as_ref().ok(), "pruning first changes nothing stored");
                stored = saved.unwrap_or_default();
                // The browser takes the server's answers as acknowledged.
                local = stored.clone();
            }
        }
    }
}
