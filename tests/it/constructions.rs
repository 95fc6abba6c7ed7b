//! The constructions of the stance-quality issue, one test per construction.
//!
//! Every passage here was written for these tests (invented, news-like, never copied from an
//! article), and every expected record follows `/work/shared/docs/stance-guidelines.md`: what a
//! careful reader takes the sentence to say, not what the tagger's rules happen to do. A case is
//! a short passage (1–3 sentences, for constructions that need context) with the exact multiset
//! of its `(holder, topic, stance)` records: a missing record, an extra record and a record
//! written twice all fail, and the failure prints the passage, both sides and the output of
//! [`stancemap::explain::explain`].
//!
//! Tests marked `#[ignore]` hold the cases the tagger gets wrong today, with the records it
//! should write; they record known weaknesses and keep CI green. Run them with
//! `cargo test --release --test it constructions -- --ignored`.

use std::sync::OnceLock;

use stancemap::explain::explain;
use stancemap::lexicon::Lexicon;
use stancemap::pipeline::Engine;

/// One expected record: (holder id, topic id, stance).
type R = (&'static str, &'static str, &'static str);

/// No record.
const NONE: &[R] = &[];

static ENGINE: OnceLock<Engine> = OnceLock::new();

fn engine() -> &'static Engine {
    ENGINE.get_or_init(|| {
        Engine::new(Lexicon::builtin().expect("builtin lexicon")).expect("engine builds")
    })
}

/// The records of a passage as sorted (holder, topic, stance) triples.
fn records(text: &str) -> Vec<(String, String, String)> {
    crate::util::records(engine(), text)
}

/// Checks every case and panics once, listing all the cases that failed.
fn check(cases: &[(&str, &[R])]) {
    let mut failures = Vec::new();
    for &(text, expected) in cases {
        let mut want: Vec<(String, String, String)> = expected
            .iter()
            .map(|&(h, t, s)| (h.to_string(), t.to_string(), s.to_string()))
            .collect();
        want.sort();
        let got = records(text);
        if got != want {
            failures.push(format!(
                "passage:  {text:?}\nexpected: {want:?}\ngot:      {got:?}\nexplain:\n{}",
                explain(engine(), text)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} case(s) failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

// 1. The holder is the subject of the stance verb, not every actor present.

#[test]
fn holder_is_the_subject() {
    check(&[
        (
            "Moscow rejected any deployment of Western troops in Ukraine.",
            &[("russia", "troop_deployment", "reject")],
        ),
        (
            "Trump has ruled out sending American soldiers to Ukraine.",
            &[("trump", "troop_deployment", "reject")],
        ),
        (
            "Merz backed new sanctions against Russia after a call with Zelensky.",
            &[("merz", "sanctions", "support")],
        ),
        (
            "Zelensky urged Trump to impose sanctions on Russia.",
            &[("zelensky", "sanctions", "support")],
        ),
        (
            "Speaking alongside Rutte, Stubb called for more air defense systems for Ukraine.",
            &[("stubb", "military_aid", "support")],
        ),
    ]);
}

// 2. The speaker of a reported or quoted position; a reported position of another actor
//    belongs to that actor; a person speaking for a collective or a group with no id holds it.

#[test]
fn reported_and_quoted_positions() {
    check(&[
        (
            "\"We will keep pushing for a full ceasefire,\" Macron said.",
            &[("macron", "ceasefire", "support")],
        ),
        (
            "According to the Kremlin, Russia will not accept European peacekeepers in Ukraine.",
            &[("russia", "troop_deployment", "reject")],
        ),
        (
            "Witkoff said Putin had agreed to a prisoner exchange with Ukraine.",
            &[("putin", "prisoner_exchange", "support")],
        ),
        (
            "Zakharova said Moscow rejects Western security guarantees for Kyiv.",
            &[("zakharova", "security_guarantees", "reject")],
        ),
        (
            "Twenty-six countries have pledged to join a reassurance force for Ukraine, Macron said.",
            &[("macron", "troop_deployment", "support")],
        ),
    ]);
}

// 3. The possessor of a stance noun holds the stance.

#[test]
fn possessor_of_a_stance_noun() {
    check(&[
        (
            "Kyiv's demand for more air defense systems topped the agenda on Tuesday.",
            &[("ukraine", "military_aid", "support")],
        ),
        (
            "Moscow's objections to any NATO presence in Ukraine have not softened.",
            &[("russia", "troop_deployment", "reject")],
        ),
        (
            "Trump's support for tougher sanctions caught his own aides by surprise.",
            &[("trump", "sanctions", "support")],
        ),
        (
            "Zelensky's rejection of any territorial concessions was repeated in his evening address.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "Meloni's proposal for a mutual defence pact was first floated in March.",
            &[("meloni", "collective_defense", "support")],
        ),
    ]);
}

// 4. A pronoun is the actor it refers to in the same or the previous sentence; no record when
//    the referent cannot be told.

#[test]
fn pronoun_resolution() {
    check(&[
        (
            "Trump met reporters at the White House on Friday. He said he wanted a ceasefire within weeks.",
            &[("trump", "ceasefire", "support")],
        ),
        (
            "Meloni spoke to reporters in Rome on Monday. She said Italy would not send troops to Ukraine.",
            &[("meloni", "troop_deployment", "reject")],
        ),
        (
            "Meloni met Zelensky in Kyiv. She promised more air defense for Ukraine.",
            &[("meloni", "military_aid", "support")],
        ),
        (
            "Trump and Putin spoke by phone for an hour. He later said he opposed any new sanctions.",
            NONE,
        ),
        (
            "The briefing ended late on Sunday. She said a ceasefire was the only way forward.",
            NONE,
        ),
    ]);
}

/// A sentence with no stance verb still has a subject: "Merz has been meeting reporters after
/// his call with Trump" makes Merz the "he" of the next sentence, and a "he" that stands for
/// him keeps him as the referent of the "he" after it (a chain of pronouns), also across a
/// sentence that names only collectives. An opening possessor ("Meloni's speech…") is such a
/// subject too.
#[test]
fn pronoun_chain_keeps_the_opening_subject() {
    check(&[
        (
            "Merz has been meeting reporters after his call with Trump, which lasted an hour. He described it as “useful,” and said the call was mostly about air defence. Germany wanted its new sanctions on Russian banks adopted “this month,” he said. He again said he was ready to send more Patriot systems to Ukraine.",
            &[
                ("merz", "sanctions", "support"),
                ("merz", "military_aid", "support"),
            ],
        ),
        (
            "Meloni's speech, an hour after her talk with Kallas, drew attention. She said Italy would back the new sanctions package.",
            &[("meloni", "sanctions", "support")],
        ),
        (
            // The possessor of a person is not the subject: "he" is not Putin.
            "Putin's spokesman Dmitry Peskov spoke to reporters on Friday. He said Moscow would reject any ceasefire.",
            &[("russia", "ceasefire", "reject")],
        ),
        (
            "Zelensky's chief of staff, Andriy Yermak, met reporters in Kyiv on Tuesday. He said Ukraine would never accept territorial concessions.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
    ]);
}

#[test]
fn pronoun_resolution_prefers_the_subject_of_its_own_clause() {
    // The subject of the pronoun's clause, else of the clause before it, not the first
    // subject of the sentence; "yet" after an auxiliary is an adverb, not a new clause.
    check(&[
        (
            "Warsaw opposed new talks, while Berlin said it backs a ceasefire.",
            &[
                ("poland", "peace_talks", "reject"),
                ("germany", "ceasefire", "support"),
            ],
        ),
        (
            "Paris rejects the plan; Berlin has yet to decide, but it backs new sanctions.",
            &[("germany", "sanctions", "support")],
        ),
    ]);
}

// 5. Titles and descriptions resolve to the person.

#[test]
fn titles_resolve_to_the_person() {
    check(&[
        (
            "Russian Foreign Ministry spokeswoman Maria Zakharova brushed off the plan for European peacekeepers.",
            &[("zakharova", "troop_deployment", "reject")],
        ),
        (
            "Zelensky arrived in Washington on Monday. The Ukrainian president called for an immediate ceasefire.",
            &[("zelensky", "ceasefire", "support")],
        ),
        (
            "Kremlin aide Yuri Ushakov rejected the idea of a three-way summit.",
            &[("ushakov", "peace_talks", "reject")],
        ),
        (
            "The NATO chief said allies should keep sending weapons to Ukraine.",
            &[("rutte", "military_aid", "support")],
        ),
        (
            "Finnish President Alexander Stubb urged partners to tighten sanctions on Moscow.",
            &[("stubb", "sanctions", "support")],
        ),
    ]);
}

// 6. The topic the cue governs, not another topic in the sentence; clause boundaries separate
//    two positions.

#[test]
fn topic_attachment_and_clause_boundaries() {
    check(&[
        (
            "Merz backed more sanctions on Russia while Putin rejected any ceasefire.",
            &[
                ("merz", "sanctions", "support"),
                ("putin", "ceasefire", "reject"),
            ],
        ),
        (
            "Lavrov dismissed the idea of peacekeepers in Ukraine; he welcomed another prisoner exchange, however.",
            &[
                ("lavrov", "troop_deployment", "reject"),
                ("lavrov", "prisoner_exchange", "support"),
            ],
        ),
        (
            "At the summit in Alaska, Trump pressed for a ceasefire.",
            &[("trump", "ceasefire", "support")],
        ),
        (
            "Macron favours a reassurance force on the ground, whereas Meloni opposes sending Italian troops.",
            &[
                ("macron", "troop_deployment", "support"),
                ("meloni", "troop_deployment", "reject"),
            ],
        ),
    ]);
}

/// A "because" clause gives a reason; its words are not the object of a cue before it.
#[test]
fn topic_not_taken_across_because() {
    check(&[(
        "Kyiv has what it needs, because the allies delivered the weapons early.",
        NONE,
    )]);
}

/// "Round" is talks unless it says what else it is a round of.
#[test]
fn topic_a_round_of_what() {
    check(&[
        (
            "Merz called for a new round of sanctions against Moscow.",
            &[("merz", "sanctions", "support")],
        ),
        (
            "Tusk urged the EU to adopt its next round of sanctions quickly.",
            &[("tusk", "sanctions", "support")],
        ),
        (
            "The Kremlin proposed that the next round be held in Istanbul.",
            &[("russia", "peace_talks", "support")],
        ),
    ]);
}

#[test]
fn topic_attachment_help_fund_but_ruled_out() {
    check(&[(
        "Starmer said Britain would help fund security guarantees for Kyiv, but ruled out sending British troops.",
        &[
            ("starmer", "security_guarantees", "support"),
            ("starmer", "troop_deployment", "reject"),
        ],
    )]);
}

// 7. Coordinated holders each hold the stance.

#[test]
fn coordinated_holders() {
    check(&[
        (
            "Macron and Merz both backed a month-long truce.",
            &[
                ("macron", "ceasefire", "support"),
                ("merz", "ceasefire", "support"),
            ],
        ),
        (
            "Von der Leyen, Meloni, and Starmer all spoke in favour of a mutual defence pact for Ukraine.",
            &[
                ("von_der_leyen", "collective_defense", "support"),
                ("meloni", "collective_defense", "support"),
                ("starmer", "collective_defense", "support"),
            ],
        ),
        (
            "Lavrov and Zakharova rejected the proposal for Western peacekeepers.",
            &[
                ("lavrov", "troop_deployment", "reject"),
                ("zakharova", "troop_deployment", "reject"),
            ],
        ),
        (
            "Tusk, Stubb and the Baltic states called for tougher sanctions on Moscow.",
            &[
                ("tusk", "sanctions", "support"),
                ("stubb", "sanctions", "support"),
                ("baltics", "sanctions", "support"),
            ],
        ),
        (
            "Trump and Vance urged Zelensky to accept a ceasefire.",
            &[
                ("trump", "ceasefire", "support"),
                ("vance", "ceasefire", "support"),
            ],
        ),
    ]);
}

// 8. Negation and its scope.

#[test]
fn negation_and_scope() {
    check(&[
        (
            "Rome has not, at this stage, backed the new sanctions package. Berlin has, at this stage, backed the new sanctions package.",
            &[
                ("italy", "sanctions", "reject"),
                ("germany", "sanctions", "support"),
            ],
        ),
        (
            "Trump did not endorse a trilateral summit with Putin and Zelensky.",
            &[("trump", "peace_talks", "reject")],
        ),
        (
            "Merz spoke for an hour, stopping short of endorsing the delivery of long-range missiles to Ukraine.",
            &[("merz", "military_aid", "reject")],
        ),
        (
            "Zelensky no longer insists on NATO membership for Ukraine. Putin, for his part, never agreed to a full ceasefire.",
            &[
                ("zelensky", "nato_membership", "reject"),
                ("putin", "ceasefire", "reject"),
            ],
        ),
        (
            "Macron refused to rule out sending French troops to Ukraine. Rutte did not reject the idea of a European reassurance force.",
            NONE,
        ),
        (
            "Tusk, who has not visited Kyiv since the spring, backed another round of sanctions.",
            &[("tusk", "sanctions", "support")],
        ),
    ]);
}

// 9. Conditions make a stance conditional.

#[test]
fn conditionals() {
    check(&[
        (
            "Starmer said Britain would send troops to Ukraine if a ceasefire was agreed. Putin said he would accept a ceasefire only if it was monitored by neutral observers.",
            &[
                ("starmer", "troop_deployment", "conditional"),
                ("putin", "ceasefire", "conditional"),
            ],
        ),
        (
            "Merz said Germany could take part in security guarantees provided that Washington was involved.",
            &[("merz", "security_guarantees", "conditional")],
        ),
        (
            "Meloni said Italy could contribute to the reassurance force depending on its mandate.",
            &[("meloni", "troop_deployment", "conditional")],
        ),
        (
            "Trump offered to sell more Patriot systems to Europe in exchange for higher defence spending.",
            &[("trump", "military_aid", "conditional")],
        ),
    ]);
}

#[test]
fn conditional_as_long_as_stay_in_place() {
    check(&[(
        "Trump said sanctions would stay in place as long as Russia kept bombing Ukrainian cities.",
        &[("trump", "sanctions", "conditional")],
    )]);
}

#[test]
fn conditional_contingent_on_after_speaker() {
    check(&[(
        "Vance said American backing for security guarantees would be contingent on a signed peace deal.",
        &[("vance", "security_guarantees", "conditional")],
    )]);
}

/// Modifiers coordinated before a head noun share it: "French and German officials" are
/// French officials and German officials, two holders; "they" after them is both. A word
/// that names no actor with that head ("Senior and German officials") adds none.
#[test]
fn coordinated_modifiers_share_the_head_noun() {
    check(&[
        (
            "French and German officials say they support a new sanctions package.",
            &[
                ("france", "sanctions", "support"),
                ("germany", "sanctions", "support"),
            ],
        ),
        (
            "British, French and German officials backed an unconditional ceasefire along the front line.",
            &[
                ("uk", "ceasefire", "support"),
                ("france", "ceasefire", "support"),
                ("germany", "ceasefire", "support"),
            ],
        ),
        (
            "Senior and German officials backed new sanctions.",
            &[("germany", "sanctions", "support")],
        ),
        // The same where a hard-wrapped line breaks before the head noun.
        (
            "French and German\nofficials say they support a new sanctions package.",
            &[
                ("france", "sanctions", "support"),
                ("germany", "sanctions", "support"),
            ],
        ),
    ]);
}

/// "backed that position" refers to the last position taken, also across a quote of two
/// sentences with no topic; not when another topic was named in between.
#[test]
fn that_position_refers_to_the_last_position_taken() {
    check(&[
        (
            "Tusk said Poland rejected any territorial concessions by Kyiv. “Never. Not under any government,” he told reporters. Finland has backed that position.",
            &[
                ("tusk", "territorial_concessions", "reject"),
                ("finland", "territorial_concessions", "reject"),
            ],
        ),
        (
            "Tusk said Poland opposed any territorial concessions by Kyiv. Warsaw also discussed new sanctions with Berlin. “Never,” he said. Estonia has backed that position too.",
            &[("tusk", "territorial_concessions", "reject")],
        ),
    ]);
}

/// An adjective naming an actor before a noun of position makes it that actor's position
/// (gold policy P2: "a European plan to station troops"); before a noun that also names the
/// thing given ("pledged American support") it does not.
#[test]
fn adjective_before_a_position_noun_is_its_holder() {
    check(&[
        (
            "Moscow dismissed British proposals to send troops to Ukraine.",
            &[
                ("russia", "troop_deployment", "reject"),
                ("uk", "troop_deployment", "support"),
            ],
        ),
        (
            "Chinese calls for a ceasefire went unanswered.",
            &[("china", "ceasefire", "support")],
        ),
        (
            "Merz pledged German support for new sanctions.",
            &[("merz", "sanctions", "support")],
        ),
    ]);
}

/// "thanked X for agreeing to…", "praised X for sending…": X holds the position after "for";
/// the one who thanks or praises welcomes it (support). Without "for" and an -ing cue there is
/// no credit.
#[test]
fn crediting_verb_gives_its_object_the_position_after_for() {
    check(&[
        (
            "Speaking in Kyiv, Zelensky said winter would be hard, and he thanked Norway and the Netherlands for agreeing to finance Patriot systems.",
            &[
                ("zelensky", "military_aid", "support"),
                ("netherlands", "military_aid", "support"),
            ],
        ),
        (
            "Rutte praised Germany for pledging more air defence to Ukraine.",
            &[
                ("rutte", "military_aid", "support"),
                ("germany", "military_aid", "support"),
            ],
        ),
        (
            "Zelensky thanked Merz for his visit and urged new sanctions on Russian banks.",
            &[("zelensky", "sanctions", "support")],
        ),
    ]);
}

/// ", adding that…", ", saying…" after a reporting verb: the participle shares that verb's
/// speaker, also when a quote opens the sentence and the speaker is a pronoun.
#[test]
fn participle_after_a_reporting_verb_shares_its_speaker() {
    check(&[
        (
            "Peskov's deputy spoke first. Zakharova was asked about Washington. “Nothing surprises us,” she told reporters, adding that Russia remained ready for talks with the Americans.",
            &[("zakharova", "peace_talks", "support")],
        ),
        (
            "“We are tired of promises,” Zelensky said on Friday, adding that Ukraine still wanted Patriot systems.",
            &[("zelensky", "military_aid", "support")],
        ),
        (
            // The clause's first reporting verb, not a report inside its complement.
            "Macron said Putin had told him the war would go on for years, adding that European countries were ready to send troops to Ukraine.",
            &[("macron", "troop_deployment", "support")],
        ),
    ]);
}

/// A backed action that waits for a contingent event ("after a ceasefire", "once the
/// fighting stops", "should hostilities end") is conditional (gold policy P5); a past event
/// ("after the ceasefire collapsed") or a time ("after the summit") is none, and words split
/// by a comma are no condition.
#[test]
fn conditional_on_a_contingent_event() {
    check(&[
        (
            "Oslo said Britain was ready to send soldiers to Ukraine after a peace deal.",
            &[("uk", "troop_deployment", "conditional")],
        ),
        (
            "Following any truce, Germany would help pay for air defence systems, Merz said.",
            &[("merz", "military_aid", "conditional")],
        ),
        (
            "Rome is willing to send troops to a reassurance force should hostilities end.",
            &[("italy", "troop_deployment", "conditional")],
        ),
        (
            "After the summit, Poland said it backed new sanctions on Russian banks.",
            &[("poland", "sanctions", "support")],
        ),
        (
            "Kyiv wants a security guarantee signed before, not after, any truce.",
            &[
                ("ukraine", "security_guarantees", "support"),
                ("ukraine", "ceasefire", "conditional"),
            ],
        ),
    ]);
}

/// A person of a collective that belongs to a wider one (the `member_of` column: France to
/// Europe) who reports the wider one's position holds it, as one reporting their own
/// collective's does ("A person who speaks for a collective yields one record, for the
/// person"); a person reporting another side's position does not.
#[test]
fn speaker_for_a_wider_collective_of_their_own() {
    check(&[
        (
            "Macron said European countries were ready to finance more air defence for Ukraine.",
            &[("macron", "military_aid", "support")],
        ),
        (
            "The German chancellor, Friedrich Merz, said Europe would back a new sanctions package.",
            &[("merz", "sanctions", "support")],
        ),
        (
            "Lavrov said European countries were ready to send troops to Ukraine.",
            &[("europe", "troop_deployment", "support")],
        ),
    ]);
}

#[test]
fn conditional_on_condition_that_join() {
    check(&[(
        "Lavrov said Moscow would join the talks on condition that its security concerns were addressed.",
        &[("lavrov", "peace_talks", "conditional")],
    )]);
}

/// "A must be followed by B": A is made to depend on B (conditional), and B is what the
/// speaker demands (support). The hand-annotated corpus gold writes both for this kind of
/// requirement ("any discussion of X must be preceded by Y" has a conditional X and a
/// supported Y), so the test does too (it was marked disputed before that gold existed).
#[test]
fn conditional_must_be_followed_by() {
    check(&[(
        "Zelensky said any ceasefire must be followed by a full peace settlement.",
        &[
            ("zelensky", "ceasefire", "conditional"),
            ("zelensky", "peace_talks", "support"),
        ],
    )]);
}

#[test]
fn conditional_unless_threat() {
    check(&[(
        "Trump warned that new sanctions would follow unless Moscow agreed to a ceasefire.",
        &[("trump", "sanctions", "conditional")],
    )]);
}

#[test]
fn conditional_requirement_without_or_before() {
    // The guidelines' requirements: a topic turned down only without something, or before
    // something happens, is made to depend on it. A date after "before" is no requirement,
    // and a plain rejection stays a rejection.
    check(&[
        (
            "Lavrov said any deal on guarantees without Moscow would be a dead end.",
            &[("lavrov", "security_guarantees", "conditional")],
        ),
        (
            "The Kremlin has refused to agree to a truce until a broader settlement is signed.",
            &[("russia", "ceasefire", "conditional")],
        ),
        (
            "Moscow rejected a ceasefire before the summit in Geneva.",
            &[("russia", "ceasefire", "reject")],
        ),
        (
            "Zakharova dismissed talks with Kyiv as pointless.",
            &[("zakharova", "peace_talks", "reject")],
        ),
    ]);
}

#[test]
fn list_items_complete_a_position_header() {
    // A header that states a position with its object left for a list ("Kyiv's wish list
    // includes:") governs each item's topic, however far into the item; the list ends at the
    // first line that is not an item. A header with no stance words gives nothing.
    check(&[
        (
            "Kyiv's wish list for the coming winter includes:\n\n- more Patriot interceptors and spare parts\n- a fresh package of sanctions on Russian banks\n\nThe talks resume on Monday.\n\n- a ceasefire by the spring",
            &[
                ("ukraine", "military_aid", "support"),
                ("ukraine", "sanctions", "support"),
            ],
        ),
        (
            "What to watch this week:\n\n- sanctions on Russian banks\n- a ceasefire along the front",
            NONE,
        ),
        (
            "Moscow's demands include:\n\n1. no Western troops anywhere in Ukraine\n2. no NATO membership for Ukraine",
            &[
                ("russia", "troop_deployment", "reject"),
                ("russia", "nato_membership", "reject"),
            ],
        ),
    ]);
}

// 10. Not a stance; a headline repeated in the body gives its record once.

#[test]
fn not_a_stance() {
    check(&[
        ("Will Putin accept a ceasefire before the winter?", NONE),
        (
            "New sanctions on Moscow now look all but certain before the end of the year. In our view, a reassurance force without American backing would be a mistake.",
            NONE,
        ),
        (
            "Sending peacekeepers would deter a new offensive, but it could also drag Europe into a wider war. What allies should do now: tighten sanctions, deliver more drones and fund security guarantees.",
            NONE,
        ),
        (
            "Trump and Putin talked by phone for nearly two hours on Thursday. Zelensky landed in Washington hours before the summit.",
            NONE,
        ),
    ]);
}

#[test]
fn headline_repeated_in_body_once() {
    check(&[
        (
            "Merz backs tougher sanctions on Russia\n\nMerz backs tougher sanctions on Russia. The chancellor spoke in Berlin on Wednesday.",
            &[("merz", "sanctions", "support")],
        ),
        // Wrapped at another place (or with a no-break space), it is still the headline.
        (
            "Merz backs tougher\nsanctions on Russia\n\nMerz backs tougher sanctions\non Russia. The chancellor spoke in Berlin on Wednesday.",
            &[("merz", "sanctions", "support")],
        ),
        (
            "Merz backs tougher sanctions on Russia\n\nMerz backs tougher sanctions on\u{a0}Russia.",
            &[("merz", "sanctions", "support")],
        ),
    ]);
}

#[test]
fn requirements_of_any_deal() {
    // "X must be part of any deal": the deal depends on X (conditional), X is demanded. Without
    // "any" the subject is what depends ("a truce only as part of a settlement"). A topic that
    // "must stop" or "be lifted" is rejected; "as part of any" starts a position of its own.
    check(&[
        (
            "Rome said the release of all civilian detainees has to be part of any peace agreement.",
            &[
                ("italy", "prisoner_exchange", "support"),
                ("italy", "peace_talks", "conditional"),
            ],
        ),
        (
            "Berlin insists that any truce must be part of a wider settlement.",
            &[
                ("germany", "ceasefire", "conditional"),
                ("germany", "peace_talks", "support"),
            ],
        ),
        (
            "Zakharova said deliveries of Western weapons must stop as part of any settlement.",
            &[
                ("zakharova", "military_aid", "reject"),
                ("zakharova", "peace_talks", "conditional"),
            ],
        ),
        (
            // The clause's subject is a position with only a possessor: the reporter holds it,
            // composed with the position (a demanded rejection is a rejection).
            "Lavrov argued that Kyiv's renunciation of NATO membership was an essential part of any settlement.",
            &[
                ("ukraine", "nato_membership", "reject"),
                ("lavrov", "nato_membership", "reject"),
                ("lavrov", "peace_talks", "conditional"),
            ],
        ),
        (
            // A plural-headed collective is "they", whatever the actor's own pronoun.
            "European officials made clear that they expect a ceasefire to be part of any peace agreement.",
            &[
                ("europe", "ceasefire", "support"),
                ("europe", "peace_talks", "conditional"),
            ],
        ),
    ]);
}

#[test]
fn apposition_answering_a_position() {
    // ", a demand (that) X rejects" resumes the position before it: X rejecting a demand that
    // something stop backs it; X rejecting a demand for something opposes it; welcoming keeps
    // the stance. A metonym with "officials" after it is the actor.
    check(&[
        (
            "Moscow officials say arms deliveries to Ukraine must end, a demand Warsaw and its allies reject.",
            &[
                ("russia", "military_aid", "reject"),
                ("poland", "military_aid", "support"),
            ],
        ),
        (
            "The Kremlin wants the easing of Western sanctions, a demand that Brussels has dismissed.",
            &[
                ("russia", "sanctions", "reject"),
                ("eu", "sanctions", "support"),
            ],
        ),
        (
            "Helsinki has proposed a new round of sanctions, an idea Berlin welcomed on Friday.",
            &[
                ("finland", "sanctions", "support"),
                ("germany", "sanctions", "support"),
            ],
        ),
    ]);
}

#[test]
fn amounts_priorities_and_clause_openers() {
    // An amount between a cue and its object does not use up the cue's reach; "the priority
    // is X" backs X; "after X said" makes X the speaker (a preposition that opens a clause).
    check(&[
        (
            "Warsaw hopes to buy as much as $12 billion worth of American air defense systems.",
            &[("poland", "military_aid", "support")],
        ),
        (
            "Rome intends to purchase as many as 40 to 60 more attack drones.",
            &[("italy", "military_aid", "support")],
        ),
        (
            "London said the main priority now is guarantees that can be enforced.",
            &[("uk", "security_guarantees", "support")],
        ),
        (
            "Markets rallied after Tusk said that Poland would back a full ban on Russian gas imports.",
            &[("tusk", "sanctions", "support")],
        ),
        (
            // A preposition before the actor with no verb after it keeps the actor an object.
            "After Tusk, the delegates backed new sanctions.",
            &[],
        ),
        (
            "Berlin still supports Ukraine's eventual membership, a spokesman said.",
            &[("germany", "nato_membership", "support")],
        ),
    ]);
}

#[test]
fn shared_positions_and_parenthetical_speakers() {
    // ", as does X" shares the position before it; "X, he said, would…" is the speaker's
    // when X is no actor; "makes it impossible to…" has an "it" that refers to nothing.
    check(&[
        (
            "Rome has committed more than $3 billion to buy air defense systems for Ukraine.",
            &[("italy", "military_aid", "support")],
        ),
        (
            "Helsinki opposes any land swap, as do the Baltic states.",
            &[
                ("finland", "territorial_concessions", "reject"),
                ("baltics", "territorial_concessions", "reject"),
            ],
        ),
        (
            "Lavrov spoke on Monday. Any foreign troops in Ukraine, he said in Moscow, would be legitimate targets.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            // An actor before the parenthetical is the clause's subject, not the speaker.
            "Trump spoke on Monday. Putin, he added, could agree to a ceasefire.",
            &[("putin", "ceasefire", "support")],
        ),
        (
            "The truce talks stalled. Tusk said the law makes it impossible to cede territory.",
            &[("tusk", "territorial_concessions", "reject")],
        ),
    ]);
}

#[test]
fn the_leaders_after_a_list() {
    // "The leaders" right after a sentence that listed three or more persons is each of them;
    // with no such list (or "the leaders of …") it is nobody the lexicon names.
    check(&[
        (
            "Trump met French President Emmanuel Macron, German Chancellor Friedrich Merz and \
             Italian Prime Minister Giorgia Meloni on Monday. The leaders backed new sanctions.",
            &[
                ("macron", "sanctions", "support"),
                ("merz", "sanctions", "support"),
                ("meloni", "sanctions", "support"),
            ],
        ),
        (
            "Trump met Macron on Monday. The leaders backed new sanctions.",
            &[],
        ),
        (
            "Macron, Merz and Meloni met on Monday. The leaders of the smaller states backed new \
             sanctions.",
            &[],
        ),
    ]);
}

#[test]
fn what_must_come_before() {
    // "A should precede B": A is backed, B waits for it (conditional).
    check(&[
        (
            "European prime ministers argued that a truce should precede any summit.",
            &[
                ("europe", "ceasefire", "support"),
                ("europe", "peace_talks", "conditional"),
            ],
        ),
        (
            "Moscow has rejected Western security proposals for Ukraine.",
            &[("russia", "security_guarantees", "reject")],
        ),
    ]);
}

#[test]
fn pronouns_after_a_reporting_sentence() {
    // A sentence with no cue still tells who "he" is in the next one: the actor that opens
    // it and speaks. ", and said …" opens a clause of its own: the "once" of the second
    // clause does not make the first conditional (and what Europe "should" do is Stubb's).
    check(&[
        (
            "Finnish President Alexander Stubb said on Friday that the winter would be hard for \
             Putin. He welcomed tougher sanctions, and said Europe should be ready to offer \
             security guarantees once a truce holds.",
            &[
                ("stubb", "sanctions", "support"),
                ("stubb", "security_guarantees", "conditional"),
            ],
        ),
        // Two men and no speaker: "he" stays unresolved.
        (
            "On Friday the winter looked hard for Stubb and for Putin. He welcomed tougher \
             sanctions.",
            &[],
        ),
    ]);
}

#[test]
fn context_words_name_the_topic_named_before() {
    // "membership" and "the package" name a topic only once the article has named it, and
    // "the package" the one of its topics named last.
    check(&[
        (
            "Kyiv wants NATO membership. Moscow has ruled out membership in any form.",
            &[
                ("ukraine", "nato_membership", "support"),
                ("russia", "nato_membership", "reject"),
            ],
        ),
        // Nothing named before: "membership" is no topic.
        ("Moscow has ruled out membership in any form.", &[]),
        (
            "Brussels prepared new sanctions on Russian banks. Warsaw backed the package.",
            &[
                ("eu", "sanctions", "support"),
                ("poland", "sanctions", "support"),
            ],
        ),
        (
            "Brussels prepared new sanctions on Russian banks. Berlin announced more air \
             defence for Kyiv. Warsaw backed the package.",
            // (Berlin's announcement is a decision, and so a position of its own.)
            &[
                ("eu", "sanctions", "support"),
                ("germany", "military_aid", "support"),
                ("poland", "military_aid", "support"),
            ],
        ),
    ]);
}

#[test]
fn requirements_put_on_a_topic() {
    // "Any guarantees would have to be worked out with Moscow": the speaker accepts the topic
    // only under the requirement (conditional). "Must be preceded by" backs what comes first.
    check(&[
        (
            "The Kremlin said any security guarantees for Ukraine would have to be worked out \
             with Russia and China.",
            &[("russia", "security_guarantees", "conditional")],
        ),
        (
            "Merz said any summit must be preceded by a truce.",
            &[
                ("merz", "peace_talks", "conditional"),
                ("merz", "ceasefire", "support"),
            ],
        ),
        // What must be stopped is rejected, not made conditional.
        (
            "Moscow said Western arms deliveries must stop.",
            &[("russia", "military_aid", "reject")],
        ),
    ]);
}

#[test]
fn once_as_an_adverb_is_no_condition() {
    // "once again", "at once", "more than once" are no conditions; "once the guns fall
    // silent" is one.
    check(&[
        (
            "Berlin once again declined to send ground forces to Ukraine.",
            &[("germany", "troop_deployment", "reject")],
        ),
        (
            "Warsaw has more than once rejected new sanctions on Russian gas.",
            &[("poland", "sanctions", "reject")],
        ),
        (
            "Paris backs a reassurance force once the fighting stops.",
            &[("france", "troop_deployment", "conditional")],
        ),
    ]);
}

#[test]
fn giving_up_negated_keeps_the_position() {
    // Negated, a verb of giving something up keeps it ("has not dropped its demand for" =
    // still demands); other rejecting cues negated give no position, supporting ones reject.
    check(&[
        (
            "Kyiv has not dropped its demand for a full ceasefire.",
            &[("ukraine", "ceasefire", "support")],
        ),
        (
            "Berlin has not abandoned the sanctions package.",
            &[("germany", "sanctions", "support")],
        ),
        ("Paris did not reject the sanctions package.", &[]),
        (
            "Rome did not endorse the sanctions package.",
            &[("italy", "sanctions", "reject")],
        ),
        // No longer asking for a step rejects it; "has not stopped asking for" still asks.
        (
            "Trump has stopped pressing for an immediate ceasefire.",
            &[("trump", "ceasefire", "reject")],
        ),
        (
            "Warsaw never ceased calling for tougher sanctions.",
            &[("poland", "sanctions", "support")],
        ),
        (
            "Zelensky has not stopped asking for security guarantees.",
            &[("zelensky", "security_guarantees", "support")],
        ),
        (
            "Merz ceased to demand new sanctions.",
            &[("merz", "sanctions", "reject")],
        ),
        (
            "Trump stopped his calls for a ceasefire.",
            &[("trump", "ceasefire", "reject")],
        ),
    ]);
}

#[test]
fn the_same_and_following_suit_share_a_position() {
    // ", and X has signalled much the same", ", and X followed suit": X shares the position
    // of the clause before; with no position before, there is nothing to share.
    check(&[
        (
            "Starmer said Britain is ready to send troops once a truce holds, and Paris has \
             signalled much the same.",
            &[
                ("starmer", "troop_deployment", "conditional"),
                ("france", "troop_deployment", "conditional"),
            ],
        ),
        (
            "Warsaw backed the new sanctions on Monday, and Vilnius followed suit.",
            &[
                ("poland", "sanctions", "support"),
                ("baltics", "sanctions", "support"),
            ],
        ),
        (
            "The talks ended on Monday, and Paris said much the same.",
            &[],
        ),
    ]);
}

#[test]
fn resumptive_nouns_and_what_must_back_a_promise() {
    // ", an arrangement X would accept" with no position before it resumes the thing last
    // named; "must be backed by" demands what follows; "will stay until" keeps the topic.
    check(&[
        (
            "Mediators proposed that the two leaders first meet with Trump present, an \
             arrangement Zelensky has said he would accept.",
            &[("zelensky", "peace_talks", "support")],
        ),
        (
            "Kyiv said the allies' promises must be backed by weapons delivered this winter.",
            &[("ukraine", "military_aid", "support")],
        ),
        (
            "Berlin says sanctions will stay until Russia withdraws its troops.",
            &[("germany", "sanctions", "support")],
        ),
    ]);
}

#[test]
fn coordinated_objects_with_qualifiers() {
    // "Western troops and an American backstop": a capitalized qualifier does not break the
    // coordination; "help with training and with a truce" takes both objects (not the
    // summit named before it).
    check(&[
        (
            "Kyiv wants Western troops and an American backstop.",
            &[
                ("ukraine", "troop_deployment", "support"),
                ("ukraine", "security_guarantees", "support"),
            ],
        ),
        (
            "Rome told the summit that Italy would help with training and with a truce.",
            &[
                ("italy", "military_aid", "support"),
                ("italy", "ceasefire", "support"),
            ],
        ),
        (
            "Brussels said the return of every child must be part of any settlement.",
            &[
                ("eu", "prisoner_exchange", "support"),
                ("eu", "peace_talks", "conditional"),
            ],
        ),
    ]);
}

#[test]
fn hyphenated_participles_and_possessors_as_antecedents() {
    // "NATO-backed arrangements" is a description, not NATO's position; "its" with no
    // subject in its clause goes to the possessor there, not to an actor of the clause before.
    check(&[
        (
            "Planners drafted NATO-backed security arrangements for Ukraine.",
            &[],
        ),
        (
            "Officials said no mission would be run by NATO, but the Kremlin's stance still \
             shows its old opposition to Western troops.",
            &[("russia", "troop_deployment", "reject")],
        ),
    ]);
}

#[test]
fn bare_plural_resumptive_nouns() {
    // "— options Kyiv has resisted" resumes the position before the dash, like ", a demand
    // Kyiv rejects".
    check(&[(
        "The draft would require Ukraine to accept territorial concessions — options Kyiv has \
         firmly resisted.",
        &[("ukraine", "territorial_concessions", "reject")],
    )]);
}

#[test]
fn implicit_objects_of_taking_part() {
    // "contribute", "take part", "do its part" with nothing after them in their clause take
    // what is under discussion: the topic named last before them, here or in the sentence
    // before; with an object of their own they take it. ("are planning a reassurance force"
    // is France's and Britain's position itself.)
    check(&[
        (
            "Paris and London are planning a reassurance force. Helsinki would contribute, \
             provided the American backstop was in place.",
            &[
                ("france", "troop_deployment", "support"),
                ("uk", "troop_deployment", "support"),
                ("finland", "troop_deployment", "conditional"),
            ],
        ),
        (
            "Britain has pledged more air defence, and Denmark will take part.",
            &[
                ("uk", "military_aid", "support"),
                ("denmark", "military_aid", "support"),
            ],
        ),
        (
            "Paris and London are planning a reassurance force. Copenhagen would contribute money \
             to new sanctions.",
            &[
                ("france", "troop_deployment", "support"),
                ("uk", "troop_deployment", "support"),
                ("denmark", "sanctions", "support"),
            ],
        ),
    ]);
}

#[test]
fn comma_and_opens_a_clause_after_an_object() {
    // "… for Kyiv, and Denmark will take part": Denmark opens a clause of its own; it is not
    // coordinated with the object Kyiv.
    check(&[(
        "Britain has pledged air defence for Kyiv, and Denmark will take part.",
        &[
            ("uk", "military_aid", "support"),
            ("denmark", "military_aid", "support"),
        ],
    )]);
}

#[test]
fn it_as_the_position_in_a_quote() {
    // In a quote, "It is unacceptable" after a sentence naming the topic: "it" is the
    // position, the speaker holds the record.
    check(&[(
        "Zakharova said: “Moscow will never accept foreign troops in Ukraine. It is \
         unacceptable, full stop.”",
        // One record per sentence: the first by "never accept", the second by "it is
        // unacceptable".
        &[
            ("zakharova", "troop_deployment", "reject"),
            ("zakharova", "troop_deployment", "reject"),
        ],
    )]);
}

#[test]
fn times_and_places_are_not_objects() {
    // "demands before the summit": the summit is when, not what (what he made his demand is
    // sanctions relief, before the cue); "back it" after "the idea of an exchange … at the
    // White House meeting" refers to the exchange, not the meeting.
    check(&[
        (
            "Trump made sanctions relief one of his central demands before the summit.",
            &[("trump", "sanctions", "reject")],
        ),
        (
            "Zelensky raised the idea of a complete prisoner exchange at last Monday's White \
             House meeting, and Trump agreed to back it.",
            // (Raising the idea proposes it: support, as the guidelines' "proposes".)
            &[
                ("zelensky", "prisoner_exchange", "support"),
                ("trump", "prisoner_exchange", "support"),
            ],
        ),
    ]);
}

#[test]
fn what_an_actor_could_do_is_no_position() {
    // "could" and "can" say what is possible, not what anyone wants: "Russia could end the
    // war any day" is no record; "will not send" and "would cede" are positions.
    check(&[
        (
            "The envoy replied that Russia could end the war any day.",
            &[],
        ),
        (
            "Poland will not send troops into Ukraine.",
            &[("poland", "troop_deployment", "reject")],
        ),
    ]);
}

#[test]
fn no_precondition_is_no_position() {
    // "A truce is not a precondition for a deal" neither rejects the truce nor the deal.
    check(&[
        ("Trump said a truce was not a precondition for a deal.", &[]),
        (
            "Kyiv said a truce is a precondition for any peace deal.",
            &[
                ("ukraine", "ceasefire", "support"),
                ("ukraine", "peace_talks", "conditional"),
            ],
        ),
    ]);
}

#[test]
fn it_after_a_complementizer_is_a_subject() {
    // "refuses to acknowledge that it is holding them": "it" opens the clause; it does not
    // refer back to a topic as the cue's object.
    check(&[(
        "Exchanges were the hardest part of every negotiation, because Moscow refuses to \
         acknowledge that it is holding them.",
        &[],
    )]);
}

#[test]
fn an_obligation_put_on_someone_is_the_speakers_position() {
    // "Trump told the Europeans that Ukraine might have to accept a land swap": Trump's
    // position, not Ukraine's; "Ukraine said it would accept" is Ukraine's.
    check(&[
        (
            "Trump told European leaders that Ukraine might have to accept a land swap.",
            &[("trump", "territorial_concessions", "support")],
        ),
        (
            "Kyiv said Ukraine would accept a truce.",
            &[("ukraine", "ceasefire", "support")],
        ),
        // "is going to have to" is "will have to"; "is going to" alone is Kyiv's intention.
        (
            "Trump said Kyiv is going to have to accept a ceasefire.",
            &[("trump", "ceasefire", "support")],
        ),
        (
            "Trump said Kyiv is going to accept a ceasefire.",
            &[("ukraine", "ceasefire", "support")],
        ),
        // "should" is the speaker's prescription for someone else.
        (
            "Stubb said Europe should be ready to provide security guarantees.",
            &[("stubb", "security_guarantees", "support")],
        ),
    ]);
}

#[test]
fn a_person_subject_of_a_reported_intention_holds_it() {
    // "Lavrov said Putin would meet Zelensky once …": Putin's position; "Trump wrote that
    // Ukraine would not be joining NATO" stays the writer's.
    check(&[
        (
            "Lavrov said Putin would meet Zelensky once an agenda was ready.",
            &[("putin", "peace_talks", "conditional")],
        ),
        (
            "Trump wrote that Ukraine would not be joining NATO.",
            &[("trump", "nato_membership", "reject")],
        ),
    ]);
}

#[test]
fn rejecting_only_a_kind_of_deal() {
    // "rejects any peace deal that would require early elections": only deals of that kind,
    // so the deal is conditional; a plain rejection stays a rejection.
    check(&[
        (
            "Kyiv rejects any peace deal that would require early elections.",
            &[("ukraine", "peace_talks", "conditional")],
        ),
        (
            "Kyiv rejects the peace deal drafted in Moscow.",
            &[("ukraine", "peace_talks", "reject")],
        ),
    ]);
}

#[test]
fn wanting_one_thing_before_another() {
    // "wants a full settlement before the guns fall silent": the settlement is backed, the
    // ceasefire made to wait for it (as with "should precede").
    check(&[(
        "Moscow wants a full settlement before the guns fall silent.",
        &[
            ("russia", "ceasefire", "conditional"),
            ("russia", "peace_talks", "support"),
        ],
    )]);
}

#[test]
fn object_pronouns_are_no_subjects() {
    // "our military will treat them as targets": "them" is the object; the speaker of the
    // quote holds the threat against the units named in the condition.
    check(&[(
        "Putin said: “If foreign units turn up there, our military will treat them as \
         legitimate targets.”",
        &[("putin", "troop_deployment", "reject")],
    )]);
}

#[test]
fn pronouns_keep_their_antecedent_across_a_sentence_without_actors() {
    // "Trump has spent …" opens with its subject; a sentence with no actor between does not
    // change who "He" is.
    check(&[(
        "Trump has spent the summer setting deadlines for Mr. Putin. Two weeks passed. He has \
         threatened tough sanctions on Moscow.",
        &[("trump", "sanctions", "support")],
    )]);
}

#[test]
fn a_plan_and_its_relative_clause() {
    // "floated a model in which …": the model's content is the relative clause, however long.
    check(&[(
        "Russian officials have floated a model in which the five permanent members of the \
         Security Council would jointly guarantee Ukraine's security.",
        &[("russia", "security_guarantees", "support")],
    )]);
}

#[test]
fn review_cases_context_words_shares_and_wants() {
    // An alias that overlaps a context word wins ("the latest package" is a sanctions
    // package whether or not sanctions were named before); a negated "followed suit" shares
    // nothing; "before" after what was done (not wanted) makes nothing conditional.
    check(&[
        (
            "Hungary blocked the latest package on Friday.",
            &[("hungary", "sanctions", "reject")],
        ),
        (
            "Germany backed new sanctions on Monday, and Hungary has not followed suit.",
            &[("germany", "sanctions", "support")],
        ),
        (
            "Russia accepted a ceasefire before peace talks in Istanbul.",
            &[("russia", "ceasefire", "support")],
        ),
    ]);
}

#[test]
fn the_previous_sentence_is_about_its_first_topic() {
    // With no record in it, a sentence is about the topic it names first ("Talks on a
    // ceasefire …"): that is what "take part" in the next sentence takes.
    check(&[(
        "Talks on a ceasefire will open in Geneva on Monday. Finland said it would take part.",
        &[("finland", "peace_talks", "support")],
    )]);
}

#[test]
fn a_noun_that_refers_back_to_a_position() {
    // "the objection", "Moscow's warning", "that position", "its goal": the position taken
    // before, stance and all. Dismissing an objection to troops backs the troops; backing a
    // refusal rejects; a possessor picks its own earlier position, not the latest one.
    check(&[
        (
            "Moscow rejected any deployment of Western troops in Ukraine. Warsaw dismissed the \
             objection.",
            &[
                ("russia", "troop_deployment", "reject"),
                ("poland", "troop_deployment", "support"),
            ],
        ),
        (
            "Zelensky ruled out ceding territory. Macron backed that position.",
            &[
                ("zelensky", "territorial_concessions", "reject"),
                ("macron", "territorial_concessions", "reject"),
            ],
        ),
        (
            "Putin warned against Western troops in Ukraine. Tusk called for new sanctions. \
             Stubb brushed aside Putin's latest warning.",
            &[
                ("putin", "troop_deployment", "reject"),
                ("tusk", "sanctions", "support"),
                ("stubb", "troop_deployment", "support"),
            ],
        ),
        (
            "Kyiv still wants NATO membership. It has not abandoned the goal.",
            &[
                ("ukraine", "nato_membership", "support"),
                ("ukraine", "nato_membership", "support"),
            ],
        ),
    ]);
}

#[test]
fn hosts_and_anaphors_past_a_time_adjunct() {
    // The object of "host" is no subject of the verb after it; an anaphor ("the plans")
    // passes over a topic that only says when ("hours before the meeting") for the one
    // named in the sentence before.
    check(&[
        (
            "Trump hosts Zelensky and European leaders, promises help with security guarantees.",
            &[("trump", "security_guarantees", "support")],
        ),
        (
            "Paris and London drew up plans to deploy troops to Ukraine. Hours before the \
             meeting, Zakharova called the plans a recipe for escalation.",
            &[
                ("france", "troop_deployment", "support"),
                ("uk", "troop_deployment", "support"),
                ("zakharova", "troop_deployment", "reject"),
            ],
        ),
    ]);
}

#[test]
fn what_an_actor_makes_its_demand_or_priority() {
    // "made X one of his central demands": X is backed, and a former demand ("had made") is
    // still the position then held. "his first priority was …" after a topic does not back it.
    check(&[
        (
            "Trump, who had made an immediate truce one of his central demands, changed course.",
            &[("trump", "ceasefire", "support")],
        ),
        (
            "Zelensky discussed the talks in Geneva, saying his first priority was a prisoner \
             exchange.",
            &[("zelensky", "prisoner_exchange", "support")],
        ),
    ]);
}

#[test]
fn meetings_of_leaders_stopping_the_fighting_and_going_on_supplying() {
    // A meeting with a leader named in full or in a summit city is talks; "stop fighting" is a
    // ceasefire; "keep providing" weapons backs them; what "would open a new stage of
    // escalation" is rejected.
    check(&[
        (
            "Zelensky said he was ready to meet Vladimir Putin in any format.",
            &[("zelensky", "peace_talks", "support")],
        ),
        (
            "Trump said he and Putin had agreed to meet in Budapest.",
            &[
                ("trump", "peace_talks", "support"),
                ("putin", "peace_talks", "support"),
            ],
        ),
        (
            "Trump said both sides should stop fighting at the current front line.",
            &[("trump", "ceasefire", "support")],
        ),
        (
            "Starmer said Britain would keep providing long-range missiles.",
            &[("starmer", "military_aid", "support")],
        ),
        (
            "Putin said supplying long-range missiles would open an entirely new stage of \
             escalation.",
            &[("putin", "military_aid", "reject")],
        ),
    ]);
}

#[test]
fn wanting_a_done_before_b() {
    // "wants A settled before B", "wanted A agreed with Washington before B": A is backed, B
    // made conditional on it, as in "wants A before B".
    check(&[
        (
            "Zelensky wants guarantees settled before any truce.",
            &[
                ("zelensky", "security_guarantees", "support"),
                ("zelensky", "ceasefire", "conditional"),
            ],
        ),
        (
            "Kyiv wanted security guarantees agreed with Washington before a ceasefire.",
            &[
                ("ukraine", "security_guarantees", "support"),
                ("ukraine", "ceasefire", "conditional"),
            ],
        ),
    ]);
}

#[test]
fn slapping_sanctions_and_putting_talks_on_ice() {
    // "slaps sanctions on" imposes them; NATO defending every inch of allied territory is
    // collective defence.
    check(&[
        (
            "The U.S. slaps sanctions on Russian oil companies.",
            &[("usa", "sanctions", "support")],
        ),
        (
            "Rutte said the alliance would defend every inch of allied territory.",
            &[("rutte", "collective_defense", "support")],
        ),
    ]);
}

#[test]
fn an_actor_that_modifies_a_topic_noun_is_no_subject() {
    // "the Putin summit", "a Kremlin peace plan": the actor names the topic's kind, it does not
    // take a position; a topic that opens with a verb keeps the actor as its subject.
    check(&[
        (
            "Trump shelved the Putin summit.",
            &[("trump", "peace_talks", "reject")],
        ),
        (
            "Kyiv talks peace but rejects territorial concessions.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        (
            "Moscow demanded that Ukraine cede territory.",
            &[("russia", "territorial_concessions", "support")],
        ),
    ]);
}

#[test]
fn a_joint_statement_stands_for_its_signatories() {
    // The persons a sentence lists as a statement's signatories (and those who backed it)
    // hold what the statement
    // supports, in that sentence and ("the same statement said…") in the next; with no list,
    // a joint statement stands for nobody and the subject is found as usual.
    check(&[
        (
            "Starmer, Macron, Merz and Tusk signed a joint statement, also backed by Meloni, \
             that supported an immediate ceasefire.",
            &[
                ("starmer", "ceasefire", "support"),
                ("macron", "ceasefire", "support"),
                ("merz", "ceasefire", "support"),
                ("tusk", "ceasefire", "support"),
                ("meloni", "ceasefire", "support"),
            ],
        ),
        (
            "Starmer, Macron and Merz signed a letter on Monday. The same statement backed new \
             sanctions on Russia.",
            &[
                ("starmer", "sanctions", "support"),
                ("macron", "sanctions", "support"),
                ("merz", "sanctions", "support"),
            ],
        ),
        (
            "European leaders issued a joint statement backing an immediate ceasefire.",
            &[("europe", "ceasefire", "support")],
        ),
    ]);
}

#[test]
fn borders_that_cannot_be_changed_by_force() {
    // Changing borders by force is a territorial concession imposed; saying it cannot be done
    // rejects it. "would not be joining NATO" keeps its own reading.
    check(&[
        (
            "Merz said borders could not be changed by force.",
            &[("merz", "territorial_concessions", "reject")],
        ),
        (
            "Tusk said no border could be redrawn at gunpoint.",
            &[("tusk", "territorial_concessions", "reject")],
        ),
        (
            "Trump wrote that Ukraine would not be joining NATO.",
            &[("trump", "nato_membership", "reject")],
        ),
    ]);
}

#[test]
fn review_cases_of_statements_positions_and_befores() {
    // From a second reading: a statement that is not joint stands for nobody in the list; "the
    // leaders" are the persons of the sentence before, not of this one; a possessor with no
    // position of its own refers to nothing; times between "wants A" and "before" are not
    // what is to be done to A; "cannot be a pause" is no border change.
    check(&[
        (
            "Macron, Merz and Starmer met on Monday, a day after Putin issued a statement that \
             rejected any ceasefire.",
            &[],
        ),
        (
            "Macron, Merz and Starmer met in Paris. The leaders rejected a ceasefire plan \
             discussed by Trump, Putin and Orban.",
            &[
                ("macron", "ceasefire", "reject"),
                ("merz", "ceasefire", "reject"),
                ("starmer", "ceasefire", "reject"),
            ],
        ),
        (
            "Zelensky demanded security guarantees on Monday before the summit.",
            &[("zelensky", "security_guarantees", "support")],
        ),
        (
            "A ceasefire cannot be a pause that lets Russia regroup, Zelensky said.",
            &[],
        ),
        (
            "Tusk backed new sanctions. Zelensky dismissed Putin's objection.",
            &[("tusk", "sanctions", "support")],
        ),
    ]);
}

#[test]
fn no_plans_retaliation_and_no_room() {
    // Common ways news states a rejection without a rejecting verb.
    check(&[
        (
            "Washington has no plans to send ground troops to Ukraine.",
            &[("usa", "troop_deployment", "reject")],
        ),
        (
            "Moscow promised to retaliate against any new sanctions.",
            &[("russia", "sanctions", "reject")],
        ),
        (
            "There is no room for territorial concessions, Zelensky said.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "Zakharova hit back at the new sanctions.",
            &[("zakharova", "sanctions", "reject")],
        ),
    ]);
}

#[test]
fn go_ahead_weight_behind_and_steps_forward() {
    // Common ways news states support without a supporting verb of the usual kind.
    check(&[
        (
            "The Bundestag gave the go-ahead for new arms deliveries, Merz said.",
            &[("merz", "military_aid", "support")],
        ),
        (
            "Macron threw his weight behind a ceasefire.",
            &[("macron", "ceasefire", "support")],
        ),
        (
            "Moscow opened the door to direct talks.",
            &[("russia", "peace_talks", "support")],
        ),
        (
            "Zelensky called the prisoner exchange a step forward.",
            &[("zelensky", "prisoner_exchange", "support")],
        ),
    ]);
}

#[test]
fn the_leaders_of_listed_countries_are_their_leaders() {
    // "the leaders of A, B and C": each collective stands for its leader (the `leader` column
    // of actors.csv), as the subject, for "they" after the list, and for "They" in the next
    // sentence. A collective with no leader in the lexicon is passed over. "it was for Kyiv
    // to decide" is no pronoun subject.
    check(&[
        (
            "The leaders of Germany, Italy and Poland said they backed new sanctions on Russia.",
            &[
                ("merz", "sanctions", "support"),
                ("meloni", "sanctions", "support"),
                ("tusk", "sanctions", "support"),
            ],
        ),
        (
            "The heads of government of Britain and France rejected any land swap.",
            &[
                ("starmer", "territorial_concessions", "reject"),
                ("macron", "territorial_concessions", "reject"),
            ],
        ),
        (
            "In Brussels the leaders of France, Finland and the Baltic states met on Monday. \
             They said a ceasefire must come first.",
            &[
                ("macron", "ceasefire", "support"),
                ("stubb", "ceasefire", "support"),
            ],
        ),
        (
            "Merz said it was for Ukraine alone to decide and that borders could not be changed \
             by force.",
            &[("merz", "territorial_concessions", "reject")],
        ),
        // Mentions in another clause are no list: Trump and Zelensky are not among the
        // leaders who back the summit.
        (
            "The leaders of France and Germany said they were ready to work with Trump and \
             Zelensky toward a summit.",
            &[
                ("macron", "peace_talks", "support"),
                ("merz", "peace_talks", "support"),
            ],
        ),
    ]);
}

#[test]
fn a_contact_relative_clause_takes_the_noun_before_its_subject() {
    // "the missiles Kyiv has been requesting": no relative word, the topic noun right before
    // the clause's subject is the object of its verb. A time or place phrase before a
    // subject is no such noun.
    check(&[
        (
            "Zelensky flew home without the long-range missiles Kyiv has been requesting since \
             spring.",
            &[("ukraine", "military_aid", "support")],
        ),
        (
            "Officials said the sanctions Moscow had long opposed were now in force.",
            &[("russia", "sanctions", "reject")],
        ),
        ("At the summit Putin refused.", &[]),
    ]);
}

#[test]
fn the_two_leaders_and_the_three_governments_are_those_named_last() {
    // "the two leaders", "both presidents": the last two persons named, in this sentence
    // (not the source of an "according to") or before it.
    check(&[
        (
            "Trump spoke to Putin by phone on Tuesday. The two leaders agreed to hold a summit \
             in Budapest.",
            &[
                ("trump", "peace_talks", "support"),
                ("putin", "peace_talks", "support"),
            ],
        ),
        (
            "Macron met Merz in Berlin, where both leaders backed new sanctions on Moscow.",
            &[
                ("macron", "sanctions", "support"),
                ("merz", "sanctions", "support"),
            ],
        ),
        (
            "Putin and Trump spoke for an hour. According to Peskov, the two presidents \
             welcomed the prisoner exchange.",
            &[
                ("putin", "prisoner_exchange", "support"),
                ("trump", "prisoner_exchange", "support"),
            ],
        ),
        // Collectives: as many mentions as the number says; several names of one collective
        // count as that collective.
        (
            "Officials in Finland and Poland spoke on Monday. The two governments urged Brussels \
             to adopt new sanctions.",
            &[
                ("finland", "sanctions", "support"),
                ("poland", "sanctions", "support"),
            ],
        ),
        (
            "Estonia, Latvia and Lithuania met in Riga. The three governments backed new \
             sanctions.",
            &[("baltics", "sanctions", "support")],
        ),
        // Only one person known: "the two leaders" stays unresolved.
        (
            "Trump flew to Alaska. The two leaders agreed to hold talks.",
            &[],
        ),
    ]);
}

#[test]
fn a_demand_that_another_actor_give_something_up() {
    // "demanded that Kyiv abandon its bid" composes once: the demand is against the bid. A
    // goal after a possessive pronoun is its subject's own, not the position of the sentence
    // before.
    check(&[
        (
            "Moscow demanded that Kyiv abandon its NATO bid.",
            &[("russia", "nato_membership", "reject")],
        ),
        (
            "Russia has demanded that Kyiv formally renounce its NATO ambitions.",
            &[("russia", "nato_membership", "reject")],
        ),
        (
            "The Kremlin demanded that Ukraine reject NATO membership. Kyiv has not abandoned \
             its goal.",
            &[("russia", "nato_membership", "reject")],
        ),
        // A goal is something wanted: the subject's own supporting record, not its refusal.
        (
            "Kyiv backs NATO membership. Zelensky has ruled out any land swap. Ukraine has not \
             abandoned its goal.",
            &[
                ("ukraine", "nato_membership", "support"),
                ("ukraine", "nato_membership", "support"),
                ("zelensky", "territorial_concessions", "reject"),
            ],
        ),
        // A verb of demanding, "that", a subject and a bare verb: the demander's position.
        // With a modal or a tensed verb the clause reports the subject's own.
        (
            "Lavrov insisted that Kyiv formally renounce its NATO ambitions.",
            &[("lavrov", "nato_membership", "reject")],
        ),
        (
            "Lavrov insisted that Kyiv would never renounce its NATO ambitions.",
            &[],
        ),
    ]);
}

#[test]
fn an_aside_that_joins_actors_to_the_subject() {
    // ", backed by Poland,", ", along with Paris,": the aside's actors hold the subject's
    // position too. An aside that does not close with a comma is not read.
    check(&[
        (
            "Finland, joined by Denmark and the Netherlands, wants new sanctions adopted quickly.",
            &[
                ("finland", "sanctions", "support"),
                ("denmark", "sanctions", "support"),
                ("netherlands", "sanctions", "support"),
            ],
        ),
        (
            "Berlin, along with Paris, rejected the land swap.",
            &[
                ("germany", "territorial_concessions", "reject"),
                ("france", "territorial_concessions", "reject"),
            ],
        ),
    ]);
}

#[test]
fn a_predicate_noun_after_its_topic_and_its_holder() {
    // "the plan is a non-starter", "called the plan a non-starter": a noun after "a" that
    // says something of the topic before it is a predicate, not a stance noun that needs a
    // possessor. A cue whose topic stands before it takes no other chain's topic.
    check(&[
        (
            "Moscow called the peace plan a non-starter.",
            &[("russia", "peace_talks", "reject")],
        ),
        (
            "Kyiv says any land swap is a non-starter.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        (
            "Warsaw called Russia a direct threat to Poland and demanded more sanctions.",
            &[("poland", "sanctions", "support")],
        ),
    ]);
}

#[test]
fn a_meeting_named_by_its_leaders() {
    // "a Zelensky-Putin meeting", "the Trump–Putin summit": the hyphenated pair of leaders
    // names the talks (the names are not holders there).
    check(&[
        (
            "Trump pushed for a Zelenskyy-Putin meeting before the end of the month.",
            &[("trump", "peace_talks", "support")],
        ),
        (
            "The Kremlin rejected a Trump–Zelensky call.",
            &[("russia", "peace_talks", "reject")],
        ),
    ]);
}

/// A list of persons signing a joint statement holds its position, also when a hard-wrapped
/// article breaks a line right after the list's "and".
#[test]
fn a_list_wrapped_after_its_and_is_one_list() {
    check(&[(
        "The delegations met again in Geneva on Monday for a third round of talks.\n\
         Both sides described the mood as businesslike and the agenda as long.\n\
         On Tuesday, Britain's Keir Starmer, France's Emmanuel Macron and\n\
         Finland's Alexander Stubb were among the signers of a joint statement\n\
         that supported an immediate ceasefire along the current front line.\n\
         The next deadline falls in September, officials in Washington said.",
        &[
            ("starmer", "ceasefire", "support"),
            ("macron", "ceasefire", "support"),
            ("stubb", "ceasefire", "support"),
        ],
    )]);
}

/// ", also backed by X and Y," after "a joint statement" adds X and Y to its signatories, also
/// for "the same statement" in the next sentence; an aside that opens with "also" and a verb
/// that is no cue ("also flanked by") joins its actors to a subject too.
#[test]
fn an_aside_backing_a_joint_statement_adds_holders() {
    check(&[
        (
            "Macron, also flanked by Merz and Tusk, backed new sanctions on Russian banks.",
            &[
                ("macron", "sanctions", "support"),
                ("merz", "sanctions", "support"),
                ("tusk", "sanctions", "support"),
            ],
        ),
        (
            "Starmer, Macron and Merz signed a joint statement, also backed by Zelensky and Rutte, that supported an immediate ceasefire. The same statement backed new sanctions on Russian banks.",
            &[
                ("starmer", "ceasefire", "support"),
                ("macron", "ceasefire", "support"),
                ("merz", "ceasefire", "support"),
                ("zelensky", "ceasefire", "support"),
                ("rutte", "ceasefire", "support"),
                ("starmer", "sanctions", "support"),
                ("macron", "sanctions", "support"),
                ("merz", "sanctions", "support"),
                ("zelensky", "sanctions", "support"),
                ("rutte", "sanctions", "support"),
            ],
        ),
    ]);
}

/// A cue that ends in an article running into a topic that starts with it ("must be part of
/// a" + "a comprehensive deal") still governs it: the halt is conditional on the deal, which
/// is wanted.
#[test]
fn a_cue_ending_in_the_topics_article() {
    check(&[(
        "Moscow insists that any halt to the fighting must be part of a comprehensive deal.",
        &[
            ("russia", "ceasefire", "conditional"),
            ("russia", "peace_talks", "support"),
        ],
    )]);
}

/// "…, but several insist that Ukraine must not be forced to give up land": the quantifier
/// alone as a subject is the plural group named before it, and the subject of a passive of
/// forcing ("be forced to") is made to act: the position is the one who says it must not be.
#[test]
fn quantifier_subject_and_passive_of_forcing() {
    check(&[
        (
            "European governments met in Paris on Monday, but several insist that Kyiv must not be pressured to give up land.",
            &[("europe", "territorial_concessions", "reject")],
        ),
        (
            "Kyiv must not be forced to give up land, Tusk said.",
            &[("tusk", "territorial_concessions", "reject")],
        ),
    ]);
}

/// "welcomed the signal that Washington was prepared to…": the reporting word "signal" after an
/// article is a noun, so the "that" clause is the welcomed position; told as a fact, the
/// clause's subject holds it too. "dismissed suggestions that…" tells no fact.
#[test]
fn welcomed_the_signal_that() {
    check(&[
        (
            "Zelensky welcomed the signal that Washington was prepared to take part in security guarantees.",
            &[
                ("zelensky", "security_guarantees", "support"),
                ("usa", "security_guarantees", "support"),
            ],
        ),
        (
            "Zelensky dismissed suggestions that Kyiv was ready to give up land.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
    ]);
}

/// A position stated as former ("…, which had been the centerpiece of his plan") is the
/// position then held: support, beside the record of dropping it (guidelines, dropped and
/// changed positions).
#[test]
fn a_former_position_is_the_position_then_held() {
    check(&[(
        "Merz has dropped his demand for new sanctions, which had been the centerpiece of his summer plan.",
        &[
            ("merz", "sanctions", "reject"),
            ("merz", "sanctions", "support"),
        ],
    )]);
}

/// A stance verb whose cue ends in "that" ("agreed that") holds the position of its clause,
/// however long the clause's subject ("the United States and European allies could offer…");
/// the clause's subject holds nothing.
#[test]
fn agreed_that_holds_the_clause_position() {
    check(&[
        (
            "Rubio said Lavrov had agreed that the United States and European allies could offer Kyiv security guarantees.",
            &[("lavrov", "security_guarantees", "support")],
        ),
        (
            "Lavrov agreed that Washington could offer Kyiv security guarantees.",
            &[("lavrov", "security_guarantees", "support")],
        ),
    ]);
}

#[test]
fn a_that_clause_belongs_to_the_verb_right_before_it() {
    // "unacceptable and suggested that they were designed to wreck…": the "that" clause is
    // the reporting verb's, so the predicate keeps its own position. ("European plans to
    // station troops" is Europe's position: gold policy P2.)
    check(&[(
        "Lavrov said European plans to station troops in Ukraine were totally unacceptable and \
         suggested that they were designed to wreck the peace talks.",
        &[
            ("lavrov", "troop_deployment", "reject"),
            ("europe", "troop_deployment", "support"),
        ],
    )]);
}

#[test]
fn a_cue_that_begins_with_not_is_not_negated_by_itself() {
    // "is not on the table": the negator "is not" runs into the cue "not on the table"; it is
    // the cue's own word, so the cue stands. A negator before the cue still counts.
    check(&[
        (
            "NATO membership is not on the table, Rutte said.",
            &[("rutte", "nato_membership", "reject")],
        ),
        (
            "Kyiv said a land swap was not an option.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
    ]);
}

#[test]
fn a_pronoun_with_its_own_verb_is_no_object() {
    // "When Moscow starts threatening, it means they are afraid": "it" has a verb of its own,
    // so it opens a clause and is not what the cue governs. "rejected it" still refers back.
    check(&[
        (
            "Trump floated new sanctions. When Moscow starts threatening, it means they are \
             afraid, he said.",
            &[("trump", "sanctions", "support")],
        ),
        (
            "Trump floated new sanctions. Moscow rejected them at once.",
            &[
                ("trump", "sanctions", "support"),
                ("russia", "sanctions", "reject"),
            ],
        ),
    ]);
}

#[test]
fn review_cases_of_leaders_pairs_pronouns_and_demands() {
    // Cases a second reading found (sentences written by the reviewer).
    check(&[
        // A list of persons does not outrank the subject of the pronoun's own clause.
        (
            "After Macron, Merz and Starmer spoke, Russian officials said they would reject a \
             ceasefire.",
            &[("russia", "ceasefire", "reject")],
        ),
        // "it" after a cue with a time phrase or a condition after it still refers back.
        (
            "Zelensky proposed a ceasefire. Putin rejected it this week.",
            &[
                ("zelensky", "ceasefire", "support"),
                ("putin", "ceasefire", "reject"),
            ],
        ),
        // "It is likely to…" refers back; it is no empty subject.
        (
            "Moscow has hardened its stance. It is likely to reject a ceasefire.",
            &[("russia", "ceasefire", "reject")],
        ),
        // "the two men" as an object is no subject.
        (
            "Trump met Zelensky. Putin called the two men and rejected a ceasefire.",
            &[("putin", "ceasefire", "reject")],
        ),
        // One collective named is not "the two countries".
        (
            "Russia rejected a ceasefire. The two countries backed sanctions.",
            &[("russia", "ceasefire", "reject")],
        ),
        // A contact relative does not make its subject the subject of a later verb.
        (
            "Zelensky rejected the ceasefire Russia proposed and called for sanctions.",
            &[
                ("zelensky", "ceasefire", "reject"),
                ("russia", "ceasefire", "support"),
                ("zelensky", "sanctions", "support"),
            ],
        ),
        // A topic after a preposition is no contact relative.
        ("Despite sanctions Moscow refused.", &[]),
        // Leaders may continue a list of persons.
        (
            "Macron, Merz and the leaders of Poland and Italy backed a ceasefire.",
            &[
                ("macron", "ceasefire", "support"),
                ("merz", "ceasefire", "support"),
                ("tusk", "ceasefire", "support"),
                ("meloni", "ceasefire", "support"),
            ],
        ),
        // A plural subject's bare verb is a plain present, not a demand. (Macron speaks for
        // France and the group it is in, so the record is his alone.)
        (
            "Macron insisted that France and Germany back a ceasefire.",
            &[("macron", "ceasefire", "support")],
        ),
        // A sentence that lists leaders without a cue still sets up "They".
        (
            "The leaders of France and Germany met in Kyiv. They backed a ceasefire.",
            &[
                ("macron", "ceasefire", "support"),
                ("merz", "ceasefire", "support"),
            ],
        ),
    ]);
}

#[test]
fn concentrating_on_a_topic_backs_it() {
    check(&[(
        "Berlin would instead concentrate on air defence for Ukraine, the spokesman said.",
        &[("germany", "military_aid", "support")],
    )]);
}

#[test]
fn a_table_of_positions_gives_each_row_to_the_actor_in_its_first_cell() {
    check(&[
        // The heading names a column of offers and one of conditions: a stated condition makes
        // the row's support conditional; an item opening with "No" rejects; an undecided item
        // and an empty condition ("—") say nothing.
        (
            "Who offers what\n\
             | Government | Offer | Conditions |\n\
             |---|---|---|\n\
             | Britain | Air defence for Kyiv; no ground troops | Once the shooting stops |\n\
             | Poland | Undecided on troops; more ammunition | — |\n\
             | Germany | Rejects sending soldiers | n/a |\n",
            &[
                ("uk", "military_aid", "conditional"),
                ("uk", "troop_deployment", "reject"),
                ("poland", "military_aid", "support"),
                ("germany", "troop_deployment", "reject"),
            ],
        ),
        // A table whose heading names no position (figures) is read as prose: a bare topic in
        // a cell is no one's position.
        (
            "| Country | Tanks delivered | Year |\n\
             |---|---|---|\n\
             | France | 40 armoured vehicles, weapons | 2024 |\n",
            NONE,
        ),
        // A first cell that is not an actor alone is no holder.
        (
            "| Position | Who holds it |\n\
             |---|---|\n\
             | Sanctions on Russian oil | the Baltic states and Poland |\n",
            NONE,
        ),
    ]);
}

#[test]
fn a_perception_verb_reports_the_position_of_the_one_heard() {
    check(&[
        // "heard X rule out": X says it, the one who heard it reports it.
        (
            "Macron said he had heard Moscow rule out any ceasefire.",
            &[("russia", "ceasefire", "reject")],
        ),
        (
            "“For the first time we heard Kyiv say yes to a prisoner swap,” Lavrov said.",
            &[("ukraine", "prisoner_exchange", "support")],
        ),
    ]);
}

#[test]
fn the_objects_of_an_opening_participle_are_not_the_pronoun_after_it() {
    check(&[
        (
            "Trump spent the morning on the phone with allies. After calling Macron, Merz and \
             several other European leaders, he said he backed a ceasefire.",
            &[("trump", "ceasefire", "support")],
        ),
        (
            "Trump spent the morning on the phone with allies. Before meeting Zelensky, he \
             backed a ceasefire.",
            &[("trump", "ceasefire", "support")],
        ),
        // Without a pronoun right after the comma, the subject is named: it holds.
        (
            "After meeting Trump, Macron backed a ceasefire.",
            &[("macron", "ceasefire", "support")],
        ),
    ]);
}

#[test]
fn a_topic_rejected_on_a_stated_condition_is_conditional_but_a_threat_stays_a_reject() {
    check(&[
        (
            "Trump said he would step back from the peace talks altogether, depending on \
             whether Moscow engages.",
            &[("trump", "peace_talks", "conditional")],
        ),
        (
            "Meloni refused to send Italian soldiers, saying any decision would have to wait \
             until after a ceasefire.",
            &[("meloni", "troop_deployment", "conditional")],
        ),
        // The condition speaks of the topic: a threat, rejected.
        (
            "Lavrov said Western troops would be legitimate targets if they entered Ukraine.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        // The condition is part of the rejected topic's own phrase.
        (
            "Moscow rejected European plans to deploy troops after a peace deal.",
            &[
                ("russia", "troop_deployment", "reject"),
                ("europe", "troop_deployment", "conditional"),
            ],
        ),
        // No comma is needed before a condition that is not an event.
        (
            "Moscow will not accept a ceasefire unless Kyiv withdraws its troops.",
            &[("russia", "ceasefire", "conditional")],
        ),
        // A concession is no condition.
        (
            "Kyiv will never cede territory, even if Washington insists.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        // The condition belongs to the next clause.
        (
            "Poland ruled out sending troops, and Berlin made its help conditional on a ceasefire.",
            &[("poland", "troop_deployment", "reject")],
        ),
    ]);
}

#[test]
fn an_actor_after_a_conjunction_with_a_verb_of_its_own_is_a_subject() {
    check(&[
        // "after Merz had made…": "after" opens a clause whose subject is Merz, not a
        // prepositional phrase; the remarks' speaker does not hold Merz's demand.
        (
            "The spokesman’s remarks came a day after Merz had made a ceasefire one of his \
             central demands.",
            &[("merz", "ceasefire", "support")],
        ),
        // A preposition before an actor with no verb of its own keeps it an object.
        (
            "Macron backed a ceasefire after talks with Putin.",
            &[("macron", "ceasefire", "support")],
        ),
    ]);
}

#[test]
fn a_topic_dangled_is_held_out_on_a_condition() {
    check(&[
        (
            "Trump dangles tough new sanctions on Russian banks.",
            &[("trump", "sanctions", "conditional")],
        ),
        (
            "Brussels dangled more military aid for Kyiv.",
            &[("eu", "military_aid", "conditional")],
        ),
    ]);
}

#[test]
fn a_later_cue_of_a_demanded_clause_is_the_demanders() {
    check(&[(
        "The Kremlin has demanded that Kyiv formally drop its NATO bid as part of any settlement.",
        &[
            ("russia", "nato_membership", "reject"),
            ("russia", "peace_talks", "conditional"),
        ],
    )]);
}

#[test]
fn a_guarantee_of_territorial_integrity_is_a_security_guarantee() {
    check(&[(
        "Lavrov said Moscow could offer Kyiv some guarantee of its territorial integrity.",
        &[("lavrov", "security_guarantees", "support")],
    )]);
}

#[test]
fn an_aside_between_dashes_or_in_parentheses_is_not_the_subject_of_a_predicate() {
    check(&[
        (
            "Any Western deployment, Lavrov said — whether called a training mission or a \
             monitoring team — would be unacceptable.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            "Foreign soldiers (even instructors for air defence crews) would be legitimate \
             targets, Zakharova said.",
            &[("zakharova", "troop_deployment", "reject")],
        ),
        // Typed dashes: two hyphens, or one, between spaces.
        (
            "Any Western deployment, Lavrov said -- whether called a training mission or a \
             monitoring team -- would be unacceptable.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            "Any Western deployment, Lavrov said - whether called a training mission or a \
             monitoring team - would be unacceptable.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
    ]);
}

#[test]
fn a_clause_told_as_someones_view_is_theirs() {
    check(&[
        (
            "Few diplomats share Macron’s belief that sanctions must be tightened.",
            &[("macron", "sanctions", "support")],
        ),
        // The clause names its own actor: it holds.
        (
            "Few diplomats share Macron’s belief that Berlin backs new sanctions.",
            &[("germany", "sanctions", "support")],
        ),
        // A denial is no view of one's own: nobody holds the clause.
        (
            "Kyiv doubted Trump’s denial that sanctions must be lifted.",
            NONE,
        ),
    ]);
}

#[test]
fn stopping_purchases_of_russian_energy_is_a_sanction_in_every_tense() {
    check(&[(
        "Merz said Europe should have stopped importing Russian gas years ago.",
        &[("merz", "sanctions", "support")],
    )]);
}

#[test]
fn a_reporting_verb_with_a_clause_of_its_own_does_not_attribute_the_sentence() {
    check(&[
        (
            "The Kremlin has not endorsed a four-way summit, and Lavrov has said Moscow sees no \
             point in talks.",
            &[
                ("russia", "peace_talks", "reject"),
                ("lavrov", "peace_talks", "reject"),
            ],
        ),
        // A closing attribution still speaks for the sentence, also to a named listener.
        (
            "A four-way summit is pointless for now, Lavrov said.",
            &[("lavrov", "peace_talks", "reject")],
        ),
        (
            "Western troops in Ukraine are unacceptable, Putin told Macron.",
            &[("putin", "troop_deployment", "reject")],
        ),
    ]);
}

#[test]
fn a_coordinated_verb_shares_the_subject_the_sentence_opens_with() {
    check(&[
        (
            "European leaders who flew to Kyiv to stand beside Zelensky called the visit a \
             message to Moscow and pledged more air defence.",
            &[("europe", "military_aid", "support")],
        ),
        // Not the object of the verb before "and".
        (
            "Macron called Zelensky on Monday and backed a ceasefire.",
            &[("macron", "ceasefire", "support")],
        ),
    ]);
}

#[test]
fn support_that_the_same_sentence_makes_conditional_is_conditional() {
    check(&[
        (
            "Meloni said Italy backed a prisoner swap, but warned that it would mean nothing \
             unless Russia released the children too.",
            &[("meloni", "prisoner_exchange", "conditional")],
        ),
        // Another holder's support stays.
        (
            "Berlin backs a ceasefire, while Warsaw would back a truce only if Russia withdrew.",
            &[
                ("germany", "ceasefire", "support"),
                ("poland", "ceasefire", "conditional"),
            ],
        ),
    ]);
}

#[test]
fn a_coordinated_object_may_open_with_a_gerund() {
    check(&[
        (
            "Finland will help with training and with policing a ceasefire, Stubb said.",
            &[
                ("stubb", "military_aid", "support"),
                ("stubb", "ceasefire", "support"),
            ],
        ),
        // A gerund after a comma is a participle of the clause, not a second object.
        (
            "France rejected sending troops, citing the ceasefire.",
            &[("france", "troop_deployment", "reject")],
        ),
        // A gerund that is a cue takes its own position.
        (
            "Berlin backed air defence and opposing the sanctions relief.",
            &[
                ("germany", "military_aid", "support"),
                ("germany", "sanctions", "support"),
            ],
        ),
    ]);
}

#[test]
fn a_persons_government_or_ministers_are_their_collective() {
    check(&[
        (
            "Zelensky spoke on Friday. His government rejects any land swap.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        (
            "Putin sounded conciliatory, but his ministers rejected any ceasefire.",
            &[("russia", "ceasefire", "reject")],
        ),
        // Partners and allies act for others: no holder.
        (
            "Stubb spoke in Helsinki. His partners back a ceasefire.",
            NONE,
        ),
    ]);
}

#[test]
fn the_two_sides_are_the_two_collectives_named_last() {
    check(&[
        (
            "Kyiv and Moscow met in Geneva on Friday. The two sides agreed to a prisoner swap.",
            &[
                ("ukraine", "prisoner_exchange", "support"),
                ("russia", "prisoner_exchange", "support"),
            ],
        ),
        (
            "Ukraine and Russia traded accusations. Both sides rejected a ceasefire.",
            &[
                ("ukraine", "ceasefire", "reject"),
                ("russia", "ceasefire", "reject"),
            ],
        ),
    ]);
}

#[test]
fn an_administration_is_its_country_whoever_led_it() {
    check(&[
        (
            "The Biden administration backed long-term military aid for Kyiv.",
            &[("usa", "military_aid", "support")],
        ),
        (
            "Joe Biden backed long-term military aid for Kyiv.",
            &[("biden", "military_aid", "support")],
        ),
    ]);
}

#[test]
fn a_table_is_read_by_the_meaning_of_its_columns_and_ends_at_a_blank_line() {
    check(&[
        // A rejecting heading rejects what its column lists.
        (
            "| Country | Supports | Opposes |\n|---|---|---|\n| Poland | Sanctions | Troops |\n",
            &[
                ("poland", "sanctions", "support"),
                ("poland", "troop_deployment", "reject"),
            ],
        ),
        // "No conditions" states none; a condition inside a cell makes what comes before it
        // conditional and is not itself backed; an item naming another actor is not the row's.
        (
            "| Country | Offer | Conditions |\n\
             |---|---|---|\n\
             | France | Troops once a ceasefire holds | No conditions |\n\
             | Poland | Hungary blocks sanctions; air defence | No conditions |\n",
            &[
                ("france", "troop_deployment", "conditional"),
                ("poland", "military_aid", "support"),
            ],
        ),
        // A blank line ends a table: the second has its own heading.
        (
            "| Country | Supports |\n|---|---|\n| France | Sanctions |\n\n\
             | Country | Opposes |\n|---|---|\n| Poland | Troops |\n",
            &[
                ("france", "sanctions", "support"),
                ("poland", "troop_deployment", "reject"),
            ],
        ),
        // A full stop inside a cell splits the row; the table goes on.
        (
            "| Country | Pledge |\n|---|---|\n| Germany | Air defence. Later, more |\n| Italy | Troops |\n",
            &[
                ("germany", "military_aid", "support"),
                ("italy", "troop_deployment", "support"),
            ],
        ),
    ]);
}

#[test]
fn a_withheld_or_denied_report_asserts_no_position() {
    check(&[
        (
            "Vance stopped short of saying that Moscow had dropped its demand for a land swap.",
            NONE,
        ),
        // Said, it is asserted.
        (
            "Vance said that Moscow had dropped its demand for a land swap.",
            &[("russia", "territorial_concessions", "reject")],
        ),
    ]);
}

#[test]
fn a_rejected_deal_is_rejected_for_the_content_its_relative_clause_names() {
    check(&[
        // What is rejected is what the deal would require, not talks; the deal is wanted only
        // without it (conditional), as the gold reads a rejected peace deal that would require
        // a pull-out (article 20) and a rejected agreement that would freeze the conflict
        // (seed 001).
        (
            "The opposition leader said Kyiv would reject any settlement that forced it to give up the Donbas.",
            &[
                ("ukraine", "peace_talks", "conditional"),
                ("ukraine", "territorial_concessions", "reject"),
            ],
        ),
        (
            "Moscow will not accept any agreement, which would put Western troops in Ukraine.",
            &[
                ("russia", "peace_talks", "conditional"),
                ("russia", "troop_deployment", "reject"),
            ],
        ),
        // Without a relative clause the content alone is rejected (the guidelines' example,
        // "any plan involving a NATO presence in Ukraine").
        (
            "Moscow rejected any peace plan involving a NATO presence in Ukraine.",
            &[("russia", "troop_deployment", "reject")],
        ),
        // Backing such a deal backs the deal.
        (
            "Paris backed a peace deal that would include security guarantees.",
            &[("france", "peace_talks", "support")],
        ),
        // What the clause keeps out is not the content; a clause on something other than a
        // deal says what followed.
        (
            "Kyiv rejected any peace deal that would bar Ukraine from NATO membership.",
            &[("ukraine", "peace_talks", "reject")],
        ),
        (
            "Moscow rejected the ceasefire, which led Europe to pledge more military aid.",
            &[
                ("europe", "military_aid", "support"),
                ("russia", "ceasefire", "reject"),
            ],
        ),
        // An agreement on a topic is that topic.
        (
            "Orban said Hungary would block any agreement on new sanctions.",
            &[("orban", "sanctions", "reject")],
        ),
        // "any agreement" is a deal to end the war: a requirement on it is conditional.
        (
            "The Kremlin said any agreement would have to be signed by a legitimate government.",
            &[("russia", "peace_talks", "conditional")],
        ),
        (
            "Any final agreement must include security guarantees, Zelensky said.",
            &[
                ("zelensky", "peace_talks", "conditional"),
                ("zelensky", "security_guarantees", "support"),
            ],
        ),
    ]);
}

/// A rejection of a deal that lacks something is a requirement ("no deal without
/// guarantees"): conditional for the deal, and support for what it must include
/// (tests/gold/POLICIES.md, P6).
#[test]
fn a_rejected_deal_that_lacks_something_is_a_requirement() {
    check(&[
        (
            "Kyiv rejected any deal that did not include security guarantees.",
            &[
                ("ukraine", "peace_talks", "conditional"),
                ("ukraine", "security_guarantees", "support"),
            ],
        ),
        (
            "Zelensky will not accept any agreement that does not include security guarantees.",
            &[
                ("zelensky", "peace_talks", "conditional"),
                ("zelensky", "security_guarantees", "support"),
            ],
        ),
        // What the deal would require is rejected, not required; the deal itself is
        // conditional (on not requiring it), as the gold reads "Kyiv continues to reject any
        // peace deal that would require it to pull its forces out…" (article 20).
        (
            "Kyiv rejected any deal that would require it to give up the Donbas.",
            &[
                ("ukraine", "peace_talks", "conditional"),
                ("ukraine", "territorial_concessions", "reject"),
            ],
        ),
    ]);
}

/// "acknowledge that", "concede that" report a fact: the clause's own cue decides, and a clause
/// with none is no position ("accept that", "agree that" do back what they accept).
#[test]
fn an_acknowledged_fact_is_no_position() {
    check(&[
        (
            "Merz conceded that sanctions had not changed the Kremlin's course.",
            NONE,
        ),
        (
            "Rutte conceded that membership was not part of the current negotiations.",
            NONE,
        ),
        (
            "Peskov acknowledged that Moscow had rejected the ceasefire proposal.",
            &[("peskov", "ceasefire", "reject")],
        ),
        (
            "Zelensky conceded that Ukraine would accept a ceasefire along the current line.",
            &[("zelensky", "ceasefire", "support")],
        ),
        (
            "Putin accepted that Ukraine would get strong security guarantees.",
            &[("putin", "security_guarantees", "support")],
        ),
    ]);
}

/// "the proposal of Starmer", "the demands of Moscow": the possessor of a stance noun given by
/// "of" after it, behind "the" (translated news writes them so).
#[test]
fn a_stance_noun_is_held_by_the_actor_after_its_of() {
    check(&[
        (
            "The demands of Moscow include international recognition of the annexed regions.",
            &[("russia", "territorial_concessions", "support")],
        ),
        (
            "The proposal of von der Leyen for a new sanctions package was welcomed in Kyiv.",
            &[("von_der_leyen", "sanctions", "support")],
        ),
        // A cue ending in "of" takes its object there: only a person after it proposes.
        (
            "Berlin continued the support of Ukraine with more air defence.",
            NONE,
        ),
        // Without "the", "of" names who is asked: no holder.
        (
            "The United States made demands of Ukraine on the minerals deal.",
            NONE,
        ),
        // The owner of the thing rejected is not the one who rejects it.
        (
            "The rejection of Russia's demands for territory was firm.",
            NONE,
        ),
    ]);
}

/// A list whose items go without bullets, one short sentence to a line, under a header that
/// names an actor's position and no topic: each item is read after the header. A header with a
/// topic of its own (the author's points), or a blank line before an item, is no such list.
#[test]
fn a_list_without_bullets_is_read_under_its_header() {
    check(&[
        (
            "The proposal of Starmer listed:\nA mutual defence pact between Britain, France and Poland.\nTen-year contracts for weapons to supply the army.\nHarder enforcement of sanctions on Moscow's oil trade.\nNot every ally agrees. Some hold back.\n",
            &[
                ("starmer", "collective_defense", "support"),
                ("starmer", "military_aid", "support"),
                ("starmer", "sanctions", "support"),
            ],
        ),
        (
            "Washington says several hurdles remain before a final security agreement:\nEuropean burden sharing could still stall any guarantee system.\nDomestic politics may block new sanctions.\n",
            NONE,
        ),
        (
            "The demands of Kyiv were these:\n- more air defence systems\n\nSanctions on Moscow\n",
            &[("ukraine", "military_aid", "support")],
        ),
        // A header with a verb, not a position noun, is as often followed by prose.
        (
            "Orban rejected the plan:\nThe sanctions package was adopted anyway.\nThe prisoner exchange went ahead.\n",
            NONE,
        ),
    ]);
}

/// "Western leaders", "Western allies" include the United States: a group with no id, which
/// gives no record (tests/gold/POLICIES.md, P4). "European leaders" are `europe`.
#[test]
fn a_western_group_is_no_actor() {
    check(&[
        (
            "Western leaders said every settlement has to include security guarantees.",
            NONE,
        ),
        ("Western allies raised the idea of a ceasefire.", NONE),
        (
            "European leaders raised the idea of a ceasefire.",
            &[("europe", "ceasefire", "support")],
        ),
    ]);
}

/// Giving up, ceding or surrendering "lands" is a territorial concession, as "land" and
/// "territory" are.
#[test]
fn giving_up_lands_is_a_territorial_concession() {
    check(&[
        (
            "Kyiv has no intention to give up its lands.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        (
            "Zelensky said Ukraine would never surrender occupied lands.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
    ]);
}

/// An indirect question after a verb of telling or deciding ("has yet to say exactly how…",
/// "has not decided exactly when…") asks; it states no position.
#[test]
fn an_indirect_wh_question_is_no_position() {
    check(&[
        (
            "Moscow says it will treat such a force as an enemy; Washington has yet to say exactly how it will help.",
            &[("russia", "troop_deployment", "reject")],
        ),
        (
            "Merz has not decided exactly when Germany would send troops.",
            NONE,
        ),
        (
            "Macron said France would send troops.",
            &[("macron", "troop_deployment", "support")],
        ),
    ]);
}

/// A topic said to be needed (required, necessary) is wanted by whoever says so; "no" on the
/// predicate's own subject, right before it, negates it ("no ceasefire was acceptable" rejects
/// the ceasefire).
#[test]
fn a_needed_topic_is_wanted_and_no_on_its_subject_negates_it() {
    check(&[
        (
            "Macron said a truce was needed to build trust between the parties.",
            &[("macron", "ceasefire", "support")],
        ),
        (
            "More air defence is still needed before winter, Zelensky said.",
            &[("zelensky", "military_aid", "support")],
        ),
        (
            "Moscow said no ceasefire was acceptable.",
            &[("russia", "ceasefire", "reject")],
        ),
        (
            "Moscow said no ceasefire was needed.",
            &[("russia", "ceasefire", "reject")],
        ),
        // An estimate of what would be needed is no position.
        (
            "More than 50,000 troops would be needed, Macron said.",
            NONE,
        ),
        // The subject is the decision; the topic is only what it is on.
        (
            "Russia said that no decision on sanctions was needed.",
            NONE,
        ),
    ]);
}

/// Air defence for NATO's eastern flank is not aid to Ukraine (tests/gold/POLICIES.md, P7).
/// The `eastern_flank` topic absorbs `military_aid` mentions in a sentence that names the
/// flank, or after one in the same paragraph, unless the sentence names Ukraine or Zelensky.
#[test]
fn air_defence_for_the_eastern_flank_is_not_aid_to_ukraine() {
    check(&[
        (
            "NATO launched Eastern Sentry on Friday to reinforce the eastern flank. Denmark and France have pledged aircraft and air defense units.",
            &[
                ("denmark", "eastern_flank", "support"),
                ("france", "eastern_flank", "support"),
            ],
        ),
        (
            "The Baltic states called for a layered air defense system covering the whole eastern flank.",
            &[("baltics", "eastern_flank", "support")],
        ),
        // NATO's Article 4 consultations are the flank's, not peace talks.
        (
            "Tusk's call for Article 4 talks was granted within hours.",
            &[("tusk", "eastern_flank", "support")],
        ),
        // Aid named beside Ukraine stays aid.
        (
            "NATO launched Eastern Sentry on Friday. Germany pledged more air defense for Ukraine.",
            &[("germany", "military_aid", "support")],
        ),
        // A blank line ends the paragraph the flank was named in.
        (
            "NATO launched Eastern Sentry on Friday.\n\nGermany pledged more air defense systems.",
            &[("germany", "military_aid", "support")],
        ),
        // Ukraine named by an adjective or inside a longer phrase keeps the aid.
        (
            "NATO launched Eastern Sentry to guard its eastern flank. Germany pledged to keep training Ukrainian pilots.",
            &[("germany", "military_aid", "support")],
        ),
        // The flank reaches the next sentence only, whatever the line breaks.
        (
            "NATO launched Eastern Sentry after drones crossed into Polish airspace.\nIn Kyiv, officials counted the damage from the night.\nThe United States approved a new military aid package on Friday.",
            &[("usa", "military_aid", "support")],
        ),
    ]);
}

/// "Asked whether…, X said he would": an indirect question answered yes ("he would", "they
/// should", "yes", "of course") states its content as the answerer's position; answered no
/// ("he would not", "no") it states the reverse. Any other answer leaves the question a
/// question.
#[test]
fn an_indirect_question_answered_yes_or_no_is_the_answerers_position() {
    check(&[
        (
            "Asked whether he would impose new sanctions on Moscow, Trump said he would.",
            &[("trump", "sanctions", "support")],
        ),
        (
            "Asked whether Berlin would impose new sanctions on Moscow, Merz said yes.",
            &[("merz", "sanctions", "support")],
        ),
        (
            "Asked whether he would impose new sanctions, Trump said he would not.",
            &[("trump", "sanctions", "reject")],
        ),
        (
            "Asked whether Poland would send troops to Ukraine, Tusk said no.",
            &[("tusk", "troop_deployment", "reject")],
        ),
        (
            "Asked whether Germany would send troops, Merz said he would decide later.",
            NONE,
        ),
    ]);
}

/// A topic standing alone as a slogan, the whole of a quoted sentence or all that follows its
/// colon ("“All for all.”", "Our goal has not changed: a ceasefire now"), is backed by whoever
/// says it. A headline that only names a topic has no one who says it.
#[test]
fn a_topic_standing_alone_as_a_slogan_is_backed_by_its_speaker() {
    check(&[
        (
            "- Zelensky, after the exchange:\n“All for all. That is our position.”",
            &[("zelensky", "prisoner_exchange", "support")],
        ),
        (
            "\"Our goal has not changed: a ceasefire now,\" Zelensky wrote on Telegram.",
            &[("zelensky", "ceasefire", "support")],
        ),
        ("Ceasefire talks in Geneva.", NONE),
    ]);
}

/// "on the day X", "from the moment the guns fall silent": a backed action that waits for a
/// contingent event is conditional (tests/gold/POLICIES.md, P5).
#[test]
fn on_the_day_of_a_ceasefire_is_a_condition() {
    check(&[
        (
            "France will deploy troops on the day a ceasefire is signed, Macron said.",
            &[("macron", "troop_deployment", "conditional")],
        ),
        (
            "Britain would send troops from the moment the guns fall silent, Starmer said.",
            &[("starmer", "troop_deployment", "conditional")],
        ),
    ]);
}

/// "for as long as it takes", "as long as needed": "as long as" opening a clause of duration
/// is no condition; a pledge made for as long as it takes is made without one.
#[test]
fn as_long_as_it_takes_is_no_condition() {
    check(&[
        (
            "Germany will pay for air defence for as long as it takes, Merz said.",
            &[("merz", "military_aid", "support")],
        ),
        (
            "Germany will pay for air defence as long as Russia keeps bombing, Merz said.",
            &[("merz", "military_aid", "conditional")],
        ),
        (
            "Rome will keep sending air defence systems to Kyiv as long as they are needed, Meloni said.",
            &[("meloni", "military_aid", "support")],
        ),
    ]);
}

/// Troops said never to be sent are rejected, as troops said to be sent are backed
/// ("would not be deployed", "will never be sent"), for any country's troops.
#[test]
fn troops_that_would_not_be_sent() {
    check(&[
        (
            "Tusk said Polish troops would not be deployed in Ukraine.",
            &[("tusk", "troop_deployment", "reject")],
        ),
        (
            "Stubb said Finnish soldiers will never be sent to Ukraine.",
            &[("stubb", "troop_deployment", "reject")],
        ),
    ]);
}

/// A peace plan named again by its kind of text ("the refined framework", "the American
/// draft", "the new text") once the article has named peace talks: the `context` column of
/// `topics.csv`. Before the article names the topic, the word names nothing.
#[test]
fn a_peace_plan_named_again_as_the_framework_or_the_draft() {
    check(&[
        (
            "Delegations met in Geneva for peace talks on Sunday.\n\
             Zelensky said Ukraine was ready to work on the refined framework.",
            &[("zelensky", "peace_talks", "support")],
        ),
        (
            "The peace plan drew criticism in Europe.\n\
             Putin said the American draft could serve as a basis for future agreements.",
            &[("putin", "peace_talks", "support")],
        ),
        (
            "Zelensky said Ukraine was ready to work on the refined framework.",
            NONE,
        ),
        // An actor's own proposal keeps its actor and its topic; "a framework" for something
        // else is not the peace plan.
        (
            "Peace talks resumed in Geneva on Monday.\n\
             Zelensky welcomed Trump's proposal to send more Patriots to Ukraine.",
            &[
                ("trump", "military_aid", "support"),
                ("zelensky", "military_aid", "support"),
            ],
        ),
        (
            "Peace talks resumed in Geneva on Monday.\n\
             The EU backed a framework for joint production of drones with Ukraine.",
            &[("eu", "military_aid", "support")],
        ),
    ]);
}

/// "The paper quoted Merz as saying…", "quoted the prime minister as telling…": the one quoted
/// is the speaker of what follows, not the paper that carries the words (guidelines,
/// Reported positions).
#[test]
fn quoted_as_saying_makes_the_one_quoted_the_speaker() {
    check(&[
        (
            "A daily quoted Macron as saying the force would deploy only after a ceasefire.",
            &[("macron", "troop_deployment", "conditional")],
        ),
        (
            "Reuters quoted Lavrov as saying Russia rejected any deployment of foreign troops.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            "Tusk spoke in Warsaw on Monday.\nA daily quoted the prime minister as telling \
             reporters that Poland would never accept territorial concessions.",
            &[("tusk", "territorial_concessions", "reject")],
        ),
    ]);
}

/// "She accused the Baltic states of pushing NATO…, and said… Russia would…": a reporting verb
/// after ", and" shares the subject the sentence opens with, when the verb before it has no
/// subject of its own; the speaker speaks for her own side (the record is hers).
#[test]
fn a_second_reporting_verb_shares_the_opening_subject() {
    check(&[(
        "Zakharova spoke on Friday.\nShe accused the Baltic states of pushing NATO toward \
         confrontation, and said that Russia would treat any foreign contingent as a \
         legitimate target.",
        &[("zakharova", "troop_deployment", "reject")],
    )]);
}

/// A threatened response: "any strike with American missiles would bring a crushing
/// response" opposes what would bring it (guidelines, Threats); "a ceasefire would bring
/// relief" still backs the ceasefire.
#[test]
fn a_threatened_response_opposes_what_would_bring_it() {
    check(&[
        (
            "Putin warned that any strike with American Tomahawk missiles would bring a crushing \
             response.",
            &[("putin", "military_aid", "reject")],
        ),
        (
            "Macron said a ceasefire would bring relief to the front.",
            &[("macron", "ceasefire", "support")],
        ),
    ]);
}

/// A live page's entry "4h ago  Zelensky: Ukraine ready to…": the speaker and colon that open
/// a line may follow a time stamp; the speaker speaks for their own side. (Any word with a
/// digit counts as part of the stamp, so a numbered item, "2. Merz: …", names its speaker the
/// same way.)
#[test]
fn a_speaker_and_colon_after_a_live_page_time_stamp() {
    check(&[
        (
            "• 4h ago  Zelensky: Ukraine ready to move forward on peace talks",
            &[("zelensky", "peace_talks", "support")],
        ),
        (
            "14:05 GMT Merz: Germany backs new sanctions",
            &[("merz", "sanctions", "support")],
        ),
        (
            "2. Merz: Germany backs new sanctions",
            &[("merz", "sanctions", "support")],
        ),
    ]);
}

/// "A lasting peace required robust guarantees": a topic that requires another is made to
/// depend on it (guidelines, Requirements are conditional), and the required topic is backed;
/// as "must include". An actor that requires something ("Kyiv requires guarantees") only backs it.
#[test]
fn a_topic_that_requires_another_depends_on_it() {
    check(&[
        (
            "A lasting peace required robust security guarantees, Macron said.",
            &[
                ("macron", "peace_talks", "conditional"),
                ("macron", "security_guarantees", "support"),
            ],
        ),
        (
            "Kyiv requires formal security guarantees.",
            &[("ukraine", "security_guarantees", "support")],
        ),
    ]);
}

/// "would help defend Poland": the verb after "help" opens the topic helped with, which is
/// backed; "a ceasefire would help" still backs the topic before it (the benefit cue).
#[test]
fn helping_to_do_a_topic_backs_it() {
    check(&[
        (
            "Trump said the United States would help defend Poland if Russia kept pushing.",
            &[("trump", "collective_defense", "conditional")],
        ),
        (
            "Macron said a ceasefire would help.",
            &[("macron", "ceasefire", "support")],
        ),
    ]);
}

/// "would be ready to go into Ukraine once…": once the article has named a troop deployment,
/// "go into Ukraine" names it again (the `context` column of `topics.csv`). "deploy" alone is not
/// such a word: Russia deploying missiles in Belarus is no troop deployment in Ukraine.
#[test]
fn go_into_ukraine_names_the_deployment_the_article_is_about() {
    check(&[
        (
            "European troops could be sent to Ukraine after the war.\n\
             Starmer said the force would be ready to go into Ukraine once there is a ceasefire.",
            &[("starmer", "troop_deployment", "conditional")],
        ),
        (
            "European troops could be sent to Ukraine after the war.\n\
             Putin said Russia would deploy new missiles in Belarus.",
            NONE,
        ),
    ]);
}

/// A topic the speaker says will be (or must be) set down in writing is backed: "the
/// guarantees would be put in writing before the next summit"; what a speaker wants excluded
/// from a deal is opposed: "Moscow insists that any troop deployment be excluded from a final
/// deal".
#[test]
fn put_on_paper_backs_and_excluded_from_opposes() {
    check(&[
        (
            "Zelensky said the security guarantees would be put in writing before the next summit.",
            &[("zelensky", "security_guarantees", "support")],
        ),
        (
            "Moscow insists that any troop deployment be excluded from a final deal.",
            &[("russia", "troop_deployment", "reject")],
        ),
    ]);
}

/// "sign away land", "trade away Ukrainian land", "give away land": a territorial concession
/// named by its verb; after a modal ("will not sign away land") it is itself the position.
#[test]
fn signing_or_trading_away_land_is_a_territorial_concession() {
    check(&[
        (
            "Zelensky has said that he will not sign away land his army still holds.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "Zelensky said Ukraine will not give away land.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "Zelensky says he has no power to trade away Ukrainian land.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
    ]);
}

/// "He" after a sentence that gave one person several records ("He said he will not sign away
/// land, and that any agreement must include guarantees.") is that person: the holders of the
/// sentence before count once each (three records of Zelensky are one Zelensky).
#[test]
fn a_pronoun_after_several_records_of_one_person() {
    check(&[(
        "Zelensky's position is the hardest of all. He has said that he will not sign away land, \
         and that any agreement must include guarantees. On Tuesday he announced that Ukraine \
         would go forward with the peace talks.",
        &[
            ("zelensky", "peace_talks", "conditional"),
            ("zelensky", "security_guarantees", "support"),
            ("zelensky", "territorial_concessions", "reject"),
            ("zelensky", "peace_talks", "support"),
        ],
    )]);
}

/// A sentence with no stance that opens with "he" and names another actor only as an object
/// ("He also has … a partner in Washington.") keeps the person "he" refers to for the next
/// sentence's "he".
#[test]
fn a_pronoun_chain_through_a_sentence_that_names_another_actor() {
    check(&[(
        "Zelensky's position is hard.\nHe also has a scandal at home and a partner in \
         Washington.\nOn Tuesday he announced that Ukraine would back the peace talks.",
        &[("zelensky", "peace_talks", "support")],
    )]);
}

/// What talks "must start from" or what "must be their starting point" is a requirement, so
/// the talks are conditional (guidelines, Requirements).
#[test]
fn talks_that_must_start_from_a_line_are_conditional() {
    check(&[
        (
            "Merz said the current line of contact must be the starting point for any peace talks.",
            &[("merz", "peace_talks", "conditional")],
        ),
        (
            "Negotiations must start from the current front line, Zelensky said.",
            &[("zelensky", "peace_talks", "conditional")],
        ),
    ]);
}

/// A trailing attribution has its speaker after a break ("…, he said,", "…,” Foreign Ministry
/// spokeswoman Maria Zakharova told…"): "the territories Moscow claims" at the end of a
/// sentence is a relative clause, and Moscow is not the speaker of the sentence.
#[test]
fn a_relative_clause_at_the_end_is_no_attribution() {
    check(&[
        (
            "Putin spoke in Bishkek. Russia would stop fighting, he said, when Ukrainian forces \
             left the territories Moscow claims.",
            &[("putin", "ceasefire", "support")],
        ),
        (
            "“Russia rejects any deployment of NATO troops in Ukraine,” Foreign Ministry \
             spokeswoman Maria Zakharova told her weekly briefing.",
            &[("zakharova", "troop_deployment", "reject")],
        ),
    ]);
}

/// The cases a second reading of the session's rules found, each a rule's edge:
/// "as long as it takes part" is a condition (the duration idiom ends its clause); a deal that
/// would ease sanctions is backed, not made conditional (the stance before the opposite is
/// reversed decides); "the systems Ukraine required" is the object of Ukraine's need, not a
/// requirement of the systems; "quoted Macron in Kyiv as saying" quotes Macron, and "quoted him
/// as saying" the one "him" refers to.
#[test]
fn edges_of_the_sessions_rules() {
    check(&[
        (
            "Moscow will join the peace talks as long as it takes part as an equal, Lavrov said.",
            &[("lavrov", "peace_talks", "conditional")],
        ),
        (
            "Lavrov said Moscow was ready to sign a peace deal that would ease sanctions on Russia.",
            &[
                ("lavrov", "peace_talks", "support"),
                ("lavrov", "sanctions", "reject"),
            ],
        ),
        (
            "Zelensky said the air defence systems Ukraine required had not arrived.",
            &[("zelensky", "military_aid", "support")],
        ),
        (
            "Le Monde quoted Macron in Kyiv as saying that France would send troops to Ukraine.",
            &[("macron", "troop_deployment", "support")],
        ),
        (
            "Lavrov spoke in Moscow on Monday. Reuters quoted him as saying that the deployment \
             of foreign troops was unacceptable.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
    ]);
}

/// "further swaps", "the everyone-for-everyone swap", "a one-for-one exchange" name prisoner
/// exchanges without the word "prisoner".
#[test]
fn swaps_named_by_their_terms_are_prisoner_exchanges() {
    check(&[(
        "Moscow has said it is open to further swaps, but has never signed up to the \
         everyone-for-everyone swap.",
        &[
            ("russia", "prisoner_exchange", "reject"),
            ("russia", "prisoner_exchange", "support"),
        ],
    )]);
}

/// A topic praised for its effect is backed by whoever says it: "air defence saves lives",
/// "the package would hit Russia where it hurts".
#[test]
fn a_topic_praised_for_its_effect_is_backed() {
    check(&[
        (
            "“Air defence saves lives this winter,” Rutte said.",
            &[("rutte", "military_aid", "support")],
        ),
        (
            "Von der Leyen said the sanctions package would hit Russia where it hurts.",
            &[("von_der_leyen", "sanctions", "support")],
        ),
    ]);
}

/// Sanctions named by what they hit: "hit Russian gas", "target Russia's oil revenues", "go
/// after the shadow fleet".
#[test]
fn sanctions_named_by_what_they_hit() {
    check(&[
        (
            "Brussels wants to hit Russian gas and the shadow fleet.",
            &[("eu", "sanctions", "support")],
        ),
        (
            "Merz said Europe would go after Russia's oil revenues.",
            &[("merz", "sanctions", "support")],
        ),
    ]);
}

/// "close Ukraine's skies", "a joint air shield over Ukraine": air defence for Ukraine asked of
/// allies is military aid.
#[test]
fn closing_the_skies_is_military_aid() {
    check(&[(
        "Zelensky repeated his call for allies to close Ukraine's western skies with their own \
         aircraft.",
        &[("zelensky", "military_aid", "support")],
    )]);
}

/// "no Italian soldiers would be sent to Ukraine": troops said to be sent are backed by the
/// speaker, and "no" on them makes it a reject ("after a ceasefire" makes it conditional).
#[test]
fn troops_that_would_be_sent() {
    check(&[
        (
            "Meloni repeated that no Italian soldiers would be sent to Ukraine.",
            &[("meloni", "troop_deployment", "reject")],
        ),
        (
            "Macron said French troops would be deployed after a ceasefire.",
            &[("macron", "troop_deployment", "conditional")],
        ),
    ]);
}

/// "the onus is now on Zelensky to close a deal": the speaker wants the deal closed;
/// "close / clinch / seal / strike a deal" name a peace deal.
#[test]
fn the_onus_on_someone_to_close_a_deal() {
    check(&[(
        "Trump said the onus was now on Zelensky to close a deal.",
        &[("trump", "peace_talks", "support")],
    )]);
}

/// "Stronger sanctions were the only language the Kremlin understood, he said": what a speaker
/// calls the only language an adversary understands is backed.
#[test]
fn the_only_language_the_kremlin_understands() {
    check(&[(
        "Stronger sanctions were the only language the Kremlin understood, Zelensky said.",
        &[("zelensky", "sanctions", "support")],
    )]);
}

/// "Yuri Ushakov, Putin's foreign policy aide, was blunter…": an apposition between commas
/// after the opening actor does not hide the subject, which "he" in the sentences after refers
/// to (and speaks for his side).
#[test]
fn a_subject_with_an_apposition_is_he_later() {
    check(&[(
        "Yuri Ushakov, Putin's foreign policy aide, was blunter about the European ideas.\n\
         Moscow could work with the peace plan as a starting point, he said.",
        &[("ushakov", "peace_talks", "support")],
    )]);
}

/// "Meloni: Italy will help, but no soldiers": "no" and a topic after ", but", with no verb of
/// its own, is the speaker's reject (as after a colon); a fact told with a verb ("but no deal
/// was reached") is not.
#[test]
fn but_no_troops_is_a_reject() {
    check(&[
        (
            "Meloni: Italy will help, but no soldiers",
            &[("meloni", "troop_deployment", "reject")],
        ),
        ("Talks ended on Friday, but no deal was reached.", NONE),
    ]);
}

/// A demand that a deal hold something is a requirement (tests/gold/POLICIES.md, P6): "urged
/// that any peace deal include security guarantees" makes the deal conditional and backs the
/// guarantees; "urged that peace talks resume" (no deal holding anything) backs the talks.
#[test]
fn a_demand_that_a_deal_include_something() {
    check(&[
        (
            "European leaders urged that any peace deal include concrete security guarantees.",
            &[
                ("europe", "peace_talks", "conditional"),
                ("europe", "security_guarantees", "support"),
            ],
        ),
        (
            "Berlin urged that any road to peace include security guarantees.",
            &[
                ("germany", "peace_talks", "conditional"),
                ("germany", "security_guarantees", "support"),
            ],
        ),
        (
            "Macron urged that peace talks resume next week.",
            &[("macron", "peace_talks", "support")],
        ),
    ]);
}

/// A partial halt named by what stops: an offensive or advance ("halt its offensive in the
/// south"), or strikes on the other side's energy sites (with "Russian" or "Ukrainian" between)
/// is a ceasefire of its kind; strikes on energy sites with no halt are no topic.
#[test]
fn a_partial_halt_is_a_ceasefire() {
    check(&[
        (
            "Kyiv would stop its strikes on Russian refineries only if Moscow stopped hitting Ukrainian power plants.",
            &[("ukraine", "ceasefire", "conditional")],
        ),
        (
            "The Kremlin said it would pause its offensive in the north in exchange for a freeze on new Western arms deliveries.",
            &[("russia", "ceasefire", "conditional")],
        ),
        (
            "Zelensky said Ukraine would keep up its strikes on Russian refineries.",
            NONE,
        ),
    ]);
}

/// Paying for Ukraine's defence is military aid (tests/gold/POLICIES.md: support for Ukraine's
/// own defence, frozen assets used to finance it included): "finance / fund / pay for
/// Ukraine's defence (army, armed forces, war effort)".
#[test]
fn financing_ukraines_defence_is_military_aid() {
    check(&[
        (
            "European governments keep promising to fund Kyiv's armed forces.",
            &[("europe", "military_aid", "support")],
        ),
        (
            "Poland pledged to help finance Ukraine's war effort next year.",
            &[("poland", "military_aid", "support")],
        ),
    ]);
}

/// A one-word participle cue between a determiner or preposition and its noun describes the
/// noun ("the use of frozen Russian assets", "the suspended shipments"); it is no one's step,
/// so it does not turn a call for the topic into a rejection. The verb itself still is one.
#[test]
fn an_attributive_participle_is_no_cue() {
    check(&[
        (
            "Tusk called for the use of frozen Russian assets to fund Ukraine's army.",
            &[("tusk", "military_aid", "support")],
        ),
        (
            "Washington froze arms deliveries to Kyiv in March.",
            &[("usa", "military_aid", "reject")],
        ),
        (
            "The Pentagon suspended weapons deliveries on Monday.",
            &[("usa", "military_aid", "reject")],
        ),
    ]);
}

/// Changing borders by force, named as a noun ("any change of borders by force"), is the
/// territorial question; rejecting it rejects concessions taken by force.
#[test]
fn a_change_of_borders_by_force() {
    check(&[(
        "Warsaw said it would never accept a change of borders by force.",
        &[("poland", "territorial_concessions", "reject")],
    )]);
}

/// A peace that must not become a surrender is a requirement on the peace (conditional, as
/// the guidelines decide for requirements): "a plan for peace must not turn into a plan for
/// Ukraine's surrender"; "a plan for peace" names peace talks as "a peace plan" does.
#[test]
fn a_peace_that_must_not_be_a_surrender() {
    check(&[
        (
            "Merz said a ceasefire cannot mean Ukraine's capitulation.",
            &[("merz", "ceasefire", "conditional")],
        ),
        (
            "Stubb said any plan for peace should not turn into a capitulation.",
            &[("stubb", "peace_talks", "conditional")],
        ),
        ("Macron said Europe had its own plan for peace.", NONE),
    ]);
}

/// A quote of several sentences whose speaker is named only where it closes ("“…. …,” he
/// said."): the speaker holds the positions of each of its sentences, the first included. A
/// quote closed by no speaker an id resolves to ("…,” one diplomat said.) gives no record,
/// and a blank line ends the search for the speaker.
#[test]
fn a_quote_of_several_sentences_spoken_at_its_end() {
    check(&[
        (
            "Merz met the press in Berlin.\n“We will never accept a land swap. We want tougher sanctions on Moscow. That is the line,” Merz said.",
            &[
                ("merz", "territorial_concessions", "reject"),
                ("merz", "sanctions", "support"),
            ],
        ),
        (
            "Zelensky flew to Paris.\n“We reject any land swap. It is our country,” he said.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "Zelensky flew to Paris.\n“We reject any land swap. It is our country,” one diplomat said.",
            NONE,
        ),
        (
            "Zelensky flew to Paris.\n“We reject any land swap.\n\nIt is our country,” he said.",
            NONE,
        ),
    ]);
}

/// A stance cue that also reports ("warned that") speaks for the clause as "said that" does:
/// a person reporting their own side's position holds it ("Zakharova warned that Moscow
/// would never accept…" is Zakharova's); and what a speaker says another actor must do is the
/// speaker's prescription ("says Putin must accept a ceasefire" backs the ceasefire for the
/// speaker, as "should" already did).
#[test]
fn a_reporting_cue_and_a_prescription() {
    check(&[
        (
            "Peskov warned that Moscow would never accept Western troops in Ukraine.",
            &[("peskov", "troop_deployment", "reject")],
        ),
        (
            "Tusk says Putin must accept an unconditional ceasefire.",
            &[("tusk", "ceasefire", "support")],
        ),
        (
            "Vance said Europe should \"step up\" and buy the weapons itself.",
            &[("vance", "military_aid", "support")],
        ),
        (
            "Lavrov says Russia must be part of any security guarantees.",
            &[("lavrov", "security_guarantees", "conditional")],
        ),
    ]);
}

/// "Must" in reported speech: the past tense shifts it to "had to" ("Merz said Putin had to
/// accept…"), and "has to" says the same in the present. Both are the speaker's prescription,
/// as "must" is; "had to have" is a guess, as "must have" is.
#[test]
fn a_prescription_in_reported_speech() {
    check(&[
        (
            "Merz said Putin had to accept an unconditional ceasefire first.",
            &[("merz", "ceasefire", "support")],
        ),
        (
            "Tusk says Washington has to keep up the sanctions on Moscow.",
            &[("tusk", "sanctions", "support")],
        ),
        (
            "Stubb said Europe had to be ready to send more air defense to Kyiv.",
            &[("stubb", "military_aid", "support")],
        ),
        (
            "Lavrov said Zelensky had to have rejected the truce on Washington's orders.",
            &[("zelensky", "ceasefire", "reject")],
        ),
    ]);
}

/// Economic pressure on Moscow is sanctions, and easing it is their opposite: "keep raising
/// the pressure on Russia" backs sanctions, "no case for easing the pressure on Moscow"
/// backs them too. A second statement of the same speaker joined by "and" with a reporting
/// verb ("pledged that … and said that …") is read on its own: the first keeps its topic.
#[test]
fn pressure_on_moscow_and_a_second_statement() {
    check(&[
        (
            "Starmer urged allies to keep raising the economic pressure on Russia.",
            &[("starmer", "sanctions", "support")],
        ),
        (
            "Von der Leyen said she saw no case for easing the pressure on Moscow.",
            &[("von_der_leyen", "sanctions", "support")],
        ),
        (
            "Merz pledged that Germany would keep arming Ukraine and said he saw no case for easing the pressure on Moscow.",
            &[
                ("merz", "military_aid", "support"),
                ("merz", "sanctions", "support"),
            ],
        ),
    ]);
}

/// An inverted condition inside the sentence ("…, should the talks collapse", "should it
/// fail") makes the position conditional, as "if" does; "a cheap stunt" (with an adjective)
/// dismisses what it names as "a stunt" does.
#[test]
fn an_inverted_condition_and_a_cheap_stunt() {
    check(&[
        (
            "Trump said he would impose new sanctions should the talks collapse.",
            &[("trump", "sanctions", "conditional")],
        ),
        (
            "Zakharova called the truce offer a cheap stunt.",
            &[("zakharova", "ceasefire", "reject")],
        ),
    ]);
}

/// A topic said to work only under a condition ("would only stick if", "would mean something
/// only if") is backed under that condition; a halt on strikes against civilian
/// infrastructure is a ceasefire of its kind.
#[test]
fn a_topic_that_works_only_if() {
    check(&[
        (
            "Meloni said a truce would only hold if it were monitored.",
            &[("meloni", "ceasefire", "conditional")],
        ),
        (
            "Zelensky offered a halt on strikes against energy infrastructure if Moscow did the same.",
            &[("zelensky", "ceasefire", "conditional")],
        ),
    ]);
}

/// A coordinated list of holders may hold names the lexicon does not list ("Germany, Finland,
/// Denmark, Sweden and Canada all want to take part"): capitalized items set off by commas
/// keep the list together, and every listed actor holds the position.
#[test]
fn a_list_of_holders_with_unlisted_names() {
    check(&[(
        "Rutte said Germany, Finland, Portugal, Sweden and Canada all want to take part in the Patriot scheme.",
        &[
            ("germany", "military_aid", "support"),
            ("finland", "military_aid", "support"),
            ("canada", "military_aid", "support"),
        ],
    )]);
}

/// "no" before the first of coordinated topics negates that one only: "wants no NATO
/// membership and sanctions relief" rejects membership and wants the relief (rejects the
/// sanctions); a later topic with a "no" of its own is rejected too.
#[test]
fn no_before_the_first_of_coordinated_topics() {
    check(&[
        (
            "Lavrov wants no NATO membership and sanctions relief.",
            &[
                ("lavrov", "nato_membership", "reject"),
                ("lavrov", "sanctions", "reject"),
            ],
        ),
        (
            "Moscow demands no Western troops, and recognition of Russian control over Donbas.",
            &[
                ("russia", "troop_deployment", "reject"),
                ("russia", "territorial_concessions", "support"),
            ],
        ),
    ]);
}

/// ", and if …" after a position opens a second statement with its own condition; the first
/// stays unconditional. ", and only if …" restricts the first.
#[test]
fn and_if_opens_a_second_statement() {
    check(&[
        (
            "Kyiv still wants to join NATO, Zelensky said, and if that fails, Europe must step in.",
            &[("zelensky", "nato_membership", "support")],
        ),
        (
            "Merz said Germany would send air defence systems, and only if Washington did the same.",
            &[("merz", "military_aid", "conditional")],
        ),
    ]);
}

/// A condition inside a second that-clause ("said X was not on the agenda and that Moscow
/// would judge any proposal only after…") is that clause's, not the first's.
#[test]
fn a_condition_in_a_second_that_clause() {
    check(&[(
        "Peskov said a longer truce was not on the agenda and that Moscow would decide only after studying the offer.",
        &[("peskov", "ceasefire", "reject")],
    )]);
}

/// The limits of this session's rules, from a second reading: "no" spares a later topic only
/// after a verb of wanting and "and" ("will accept no ceasefire or concessions" refuses both);
/// "must have" is a guess, not a prescription; a quote's end-named speaker replaces one
/// carried from an earlier quote; "would not mean a surrender" describes, it does not require.
#[test]
fn limits_of_the_sessions_rules() {
    check(&[
        (
            "Zelensky said Ukraine will accept no ceasefire or territorial concessions.",
            &[
                ("zelensky", "ceasefire", "reject"),
                ("zelensky", "territorial_concessions", "reject"),
            ],
        ),
        (
            "Lavrov said Zelensky must have rejected the truce on Washington's orders.",
            &[("zelensky", "ceasefire", "reject")],
        ),
        (
            "“We reject a ceasefire now. It is a trap,” Lavrov said.\n\n“We want new sanctions now. Pressure works,” Zelensky said.",
            &[
                ("lavrov", "ceasefire", "reject"),
                ("lavrov", "ceasefire", "reject"),
                ("zelensky", "sanctions", "support"),
            ],
        ),
        (
            "Giving up Donbas would not mean Ukraine's surrender, Witkoff said.",
            NONE,
        ),
    ]);
}

/// "that force" refers back to the force named before, as "such a force" does; to push a
/// measure is to press for it.
#[test]
fn that_force_and_pushing_a_measure() {
    check(&[
        (
            "Paris proposed a reassurance force for Ukraine. Moscow has said no to that force every time.",
            &[
                ("france", "troop_deployment", "support"),
                ("russia", "troop_deployment", "reject"),
            ],
        ),
        (
            "Kallas is pushing a new sanctions package.",
            &[("kallas", "sanctions", "support")],
        ),
    ]);
}

/// A title alone closing a quote speaks for it, resolved to the person it names in context
/// ("“…,” the chancellor said." after Merz); a title that names nobody known gives no record.
#[test]
fn a_title_alone_after_a_quote() {
    check(&[
        (
            "Merz met the press in Berlin. “We want tougher sanctions,” the chancellor said.",
            &[("merz", "sanctions", "support")],
        ),
        (
            "Merz met the press in Berlin. “We want tougher sanctions,” the official said.",
            NONE,
        ),
    ]);
}

/// The co-signers of a statement named after "with" hold its positions with its issuer:
/// "European leaders issued a joint statement with Zelensky backing a halt…".
#[test]
fn a_statement_issued_with_another_actor() {
    check(&[(
        "European leaders issued a joint statement with Zelensky and Tusk backing an immediate ceasefire.",
        &[
            ("europe", "ceasefire", "support"),
            ("zelensky", "ceasefire", "support"),
            ("tusk", "ceasefire", "support"),
        ],
    )]);
}

/// A subject asked (urged, pressed, pressured) to take a step, in the passive, does not take
/// it: "Kyiv was asked to accept a ceasefire", "so that Zelensky is not pressured to give up
/// territory" give Kyiv and Zelensky no record; "Kyiv has asked to join NATO" is Kyiv's own
/// request.
#[test]
fn a_subject_asked_to_take_a_step() {
    check(&[
        ("Kyiv was asked to accept a ceasefire.", NONE),
        ("Zelensky is not pressured to give up territory.", NONE),
        (
            "Kyiv has asked to join NATO.",
            &[("ukraine", "nato_membership", "support")],
        ),
    ]);
}

/// A transcript's turn: the person a label names at the start of a sentence ("TRUMP: …",
/// "[00:12:31] ZELENSKY: …") speaks for the sentences after it, up to a blank line or the
/// next label; a label that names no starter actor ("HOST:") ends the turn, and a clause
/// before a colon ("Lavrov was sharper: …") is no label. Past a blank line (a speech of
/// several paragraphs) the turn's person is still "I" and "we", up to the next label or a
/// line without words ("* * *"), but no longer speaks for the other sentences.
#[test]
fn a_transcript_turn_speaks_for_its_sentences() {
    check(&[
        (
            "TRUMP: Look, I like Ukraine. We will not send American troops.",
            &[("trump", "troop_deployment", "reject")],
        ),
        (
            "[00:12:31] ZELENSKY: Thank you. We will never give up Donbas.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "TRUMP: Look, I like Ukraine.\n\nWe will not send American troops.",
            &[("trump", "troop_deployment", "reject")],
        ),
        (
            "TRUMP: Look, I like Ukraine.\n\nIt is clear.\n\nI support new sanctions on Russia.",
            &[("trump", "sanctions", "support")],
        ),
        // (Past a blank line only the first person is the turn's: "New sanctions are
        // needed." has no holder there.)
        (
            "TRUMP: Look, I like Ukraine.\n\nNew sanctions are needed.",
            NONE,
        ),
        (
            "TRUMP: Look, I like Ukraine.\n\n* * *\n\nWe will not send American troops.",
            NONE,
        ),
        // (A heading in capitals ends it too, and a "we" that someone else is quoted or
        // reported saying is not the turn's.)
        (
            "TRUMP: Look, I like Ukraine.\n\nWHAT HAPPENS NEXT\n\nWe will not send \
             American troops.",
            NONE,
        ),
        (
            "TRUMP: Look, I like Ukraine.\n\nOur take\n\nWe will not send American troops.",
            NONE,
        ),
        (
            "ZELENSKY: Thank you.\n\nMy visitor told me: “We will never accept a ceasefire.”",
            NONE,
        ),
        (
            "ZELENSKY: Thank you.\n\nEuropean officials said that we must not accept a \
             ceasefire.",
            NONE,
        ),
        (
            "TRUMP: Look, I like Ukraine.\n\nHOST: Thank you.\n\nWe will not send American \
             troops.",
            NONE,
        ),
        (
            "TRUMP: Look, I like Ukraine.\nHOST: Thank you. We will not send American troops.",
            NONE,
        ),
        (
            "Lavrov was sharper: Moscow wants answers. We will not accept foreign troops.",
            NONE,
        ),
    ]);
}

/// Saying something plainly reports it: "Macron was explicit that…", "Merz was adamant
/// that…" make the subject the speaker of the clause, as "said that" does.
#[test]
fn being_explicit_that_reports() {
    check(&[
        (
            "Mr Macron was explicit that the force would deploy only after the guns fall silent.",
            &[("macron", "troop_deployment", "conditional")],
        ),
        (
            "Merz was adamant that sanctions must stay in place.",
            &[("merz", "sanctions", "support")],
        ),
    ]);
}

/// An "it" that stands for what follows a predicate ("It would be unacceptable for Western
/// troops to enter Ukraine, Lavrov said.") leaves the record to the speaker, whether the
/// attribution comes before or after; it is never resolved to an actor (it had taken
/// "Ukraine", named after it in the same sentence).
#[test]
fn an_extraposed_it_leaves_the_record_to_the_speaker() {
    check(&[
        (
            "It would be unacceptable for Western troops to enter Ukraine, Lavrov said.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            "Lavrov said it would be unacceptable for NATO troops to be stationed in Ukraine.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            "It would be unacceptable for NATO troops to be stationed in Ukraine, Lavrov said.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            "Lavrov said it would be unacceptable for Western troops to enter Ukraine.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        // With no speaker, nobody holds it.
        (
            "It would be unacceptable for Western troops to enter Ukraine.",
            NONE,
        ),
        // (This one was the speaker's before the rule, by another path; kept so that the
        // rule does not take it from him.)
        (
            "It is essential that sanctions stay in place, Merz said.",
            &[("merz", "sanctions", "support")],
        ),
    ]);
}

/// A fact-check's "Claim:" opens a statement under scrutiny, not anyone's position:
/// "Claim: “Trump promised Ukraine American security guarantees.”" gives no record.
#[test]
fn a_fact_checked_claim_is_no_position() {
    check(&[
        (
            "Claim: \"Trump promised Ukraine American security guarantees.\"",
            NONE,
        ),
        (
            "Trump promised Ukraine American security guarantees.",
            &[("trump", "security_guarantees", "support")],
        ),
    ]);
}

#[test]
fn a_contracted_negative_modal_opens_a_topic_phrase_as_will_not_does() {
    check(&[
        // "won't" and "wouldn't" are "will not" and "would not": the topic phrase after them
        // is refused, with either apostrophe.
        (
            "Warsaw won't send troops into Ukraine, the defence minister said.",
            &[("poland", "troop_deployment", "reject")],
        ),
        (
            "Kyiv won’t hand over Donetsk, whatever Washington proposes.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        (
            "Rome wouldn't deploy soldiers on Ukrainian soil.",
            &[("italy", "troop_deployment", "reject")],
        ),
    ]);
}

#[test]
fn white_space_between_words_is_white_space_whatever_its_width() {
    check(&[
        // Two spaces (or a line break) between a subject and its verb: "he" in the next
        // sentences is still Zelensky, not Trump, the person named last.
        (
            "Zelensky  has arrived. He is due to see Trump at lunchtime. Speaking to \
             reporters, he said his priority is air defence.",
            &[("zelensky", "military_aid", "support")],
        ),
        (
            "Zelensky\nhas arrived. He is due to see Trump at lunchtime. Speaking to \
             reporters, he said his priority is air defence.",
            &[("zelensky", "military_aid", "support")],
        ),
    ]);
}

/// British style quotes its speakers in single marks (‘…’), and a quote of several sentences
/// is spoken by the speaker named where it closes, as with double marks. `’` is also the
/// apostrophe: inside a word ("Ukraine’s") it closes nothing; a plural possessive ("the
/// allies’ plan") closes the quote early, which costs nothing when the quote's first
/// sentence has ended open. `‘` before a digit ("the ‘90s") opens nothing.
/// (Measured: with every “ ” of the development articles made ‘ ’, 8 of 868 records were lost
/// before single marks were read, none after.)
#[test]
fn british_single_quotes_hold_a_quote_of_several_sentences() {
    check(&[
        (
            "‘We will never give up Donbas. We cannot leave it,’ Zelensky said.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "‘We will never give up Donbas. The allies’ plan is clear,’ Zelensky said.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "‘Kyiv’s army will hold. We will never give up Donbas,’ Zelensky said.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        // A quotation of a few words, closed in its sentence, does not run on.
        (
            "Zelensky called the plan ‘a trap’. We will never give up Donbas, the mayor said.",
            NONE,
        ),
        // A quotation within it in double marks, as British papers nest them, does not
        // end it.
        (
            "‘We will never give up Donbas to the “peacemakers”. We cannot leave it,’ Zelensky said.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        // A ‘ before a digit is no quotation: the next quote is read as before.
        (
            "Since the ‘90s Moscow has pushed. ‘We will never give up Donbas. We cannot leave it,’ Zelensky said.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
    ]);
}

/// A title alone as the subject of a reported clause ("… and that the president wanted …")
/// is resolved, also in a second, coordinated that-clause whose first clause has a topic as
/// its subject ("the meeting had gone well"): that clause is no position of the reporter's.
/// With no person of that title named lately, the title in a person's report is their own
/// side's: "Witkoff said the president …" is Trump, "Peskov said the president …" Putin; not
/// when two persons of that side bear it, and "vice president" is not "president".
#[test]
fn a_title_in_a_reported_clause_is_the_speakers_sides() {
    check(&[
        (
            "Trump sent Witkoff to Riyadh. Witkoff said the meeting had gone well and that the \
             president wanted the fighting ended by negotiation.",
            &[("trump", "peace_talks", "support")],
        ),
        (
            "Witkoff said the meeting had gone well and that the president wanted the fighting \
             ended by negotiation.",
            &[("trump", "peace_talks", "support")],
        ),
        (
            "Peskov said the president was ready for talks with Kyiv.",
            &[("putin", "peace_talks", "support")],
        ),
        (
            "The president would never accept territorial concessions, Yermak said.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "Rubio said the president backed new sanctions.",
            &[("trump", "sanctions", "support")],
        ),
        // No speaker: the title is nobody's.
        ("The president was ready for talks with Kyiv.", NONE),
        // "vice president" and "former president" are other offices.
        (
            "Vance said the president supports the ceasefire.",
            &[("trump", "ceasefire", "support")],
        ),
        // A collective speaker's side is itself.
        (
            "A White House official said the president backed new sanctions.",
            &[("trump", "sanctions", "support")],
        ),
        (
            "The Kremlin said the president was ready for talks.",
            &[("putin", "peace_talks", "support")],
        ),
        // A title of another side.
        (
            "The Kremlin said the president of Ukraine rejected a ceasefire.",
            NONE,
        ),
        // "the former president" is a title of its own: the former president named lately,
        // or nobody (not the reporter).
        (
            "Witkoff met Biden. Witkoff said the former president had backed the ceasefire.",
            &[("biden", "ceasefire", "support")],
        ),
        (
            "Witkoff said the former president had backed the ceasefire.",
            NONE,
        ),
        // A side has many ministers: "the minister" is not the one the lexicon lists.
        ("Peskov said the minister rejects the ceasefire.", NONE),
        // "we" in the clause is the reporter's own side, so the reporter holds it.
        (
            "Lavrov said the peace talks had stalled and that we reject the ceasefire.",
            &[("lavrov", "ceasefire", "reject")],
        ),
    ]);
}

/// A sentence that opens with "his" or "her", or with "he" or "she", keeps the person it
/// refers to for a pronoun in the next sentence, though it names a collective in a later
/// clause ("provided Russia does the same") or the person was only named, not a subject
/// the tagger recognised ("Meloni spoke…").
#[test]
fn an_opening_possessive_keeps_its_person() {
    check(&[
        (
            "Zelensky has apologised to Trump. His letter offered steps, provided Russia does the same. He added that Kyiv was ready to sit down at the negotiating table.",
            &[("zelensky", "peace_talks", "support")],
        ),
        (
            "Meloni spoke to reporters in Rome. Her remarks came later, after Russia answered. She backs new sanctions.",
            &[("meloni", "sanctions", "support")],
        ),
        (
            "Meloni spoke to reporters in Rome. She was cautious, after Moscow answered. She backs new sanctions.",
            &[("meloni", "sanctions", "support")],
        ),
        // Two persons of the pronoun's kind before it: which one cannot be told.
        (
            "Trump met Putin in Alaska. His remarks came later, after Russia answered. He backs new sanctions.",
            NONE,
        ),
    ]);
}

/// Requirements with "has to"/"had to" as with "must" ("any ceasefire has to come with
/// guarantees": the ceasefire depends on the guarantees, which are backed), and a topic made
/// or kept conditional on something without a copula ("made any ceasefire conditional on…",
/// "kept its air support contingent upon…"). A "contingent" of troops is no condition.
#[test]
fn requirements_and_conditions_made() {
    check(&[
        (
            "Zelensky said any ceasefire had to come with security guarantees.",
            &[
                ("zelensky", "ceasefire", "conditional"),
                ("zelensky", "security_guarantees", "support"),
            ],
        ),
        (
            "Putin has made any ceasefire conditional on Ukraine leaving the Donbas.",
            &[("putin", "ceasefire", "conditional")],
        ),
        (
            "The White House kept its air support contingent upon a signed deal.",
            &[("usa", "military_aid", "conditional")],
        ),
        (
            "A contingent of British troops arrived in Kyiv, Starmer said.",
            NONE,
        ),
    ]);
}

/// A delivery refused ("will not give Ukraine security guarantees", "won't provide…") is a
/// reject, the negated form of "will give"/"would provide"; a delivery prescribed for another
/// actor ("Europe should provide them") is the speaker's support, where the modal is the
/// cue's own first word.
#[test]
fn a_delivery_refused_or_prescribed() {
    check(&[
        (
            "Trump said he will not give Ukraine security guarantees.",
            &[("trump", "security_guarantees", "reject")],
        ),
        (
            "Washington won't provide more air defense, Vance said.",
            &[("vance", "military_aid", "reject")],
        ),
        (
            "Trump said Europe should provide the security guarantees.",
            &[("trump", "security_guarantees", "support")],
        ),
        ("Providers will not be paid for the drones this year.", NONE),
    ]);
}

/// Decisions are positions: what an actor announces it backs ("Starmer announced new
/// sanctions"). "Announced" is also a reporting verb: with "that" after it, or no topic within
/// its reach, it reports, and its subject is the speaker of what follows ("Putin announced the
/// halt on Saturday, ordering forces to stop…").
#[test]
fn an_announcement_is_a_decision() {
    check(&[
        (
            "Starmer announced new sanctions on Russian oil.",
            &[("starmer", "sanctions", "support")],
        ),
        (
            "Zelensky announced that Kyiv backs the ceasefire.",
            &[("zelensky", "ceasefire", "support")],
        ),
        ("The announcement of new sanctions was delayed.", NONE),
    ]);
    let r = crate::util::records(
        engine(),
        "Putin announced the halt on Saturday, ordering Russian forces to stop all military action.",
    );
    assert!(
        r.contains(&("putin".into(), "ceasefire".into(), "support".into())),
        "{r:?}"
    );
}

/// A speaker who states a joint position of a group of countries that includes their own
/// ("Starmer said Britain and France would draw up a plan…") speaks for the group, which has
/// no id of its own: the record is the speaker's alone (guidelines, Reported positions: "when
/// one speaks for a group that has no id … the record is for the speaker"; the gold of 50 and
/// 59 reads it so), when the others are of the speaker's own bloc (`member_of`, Europe);
/// members of another side keep their records, positions the speaker reports ("Zelensky said
/// Ukraine and the United States agreed…"). A group without the speaker's country keeps all
/// its records.
#[test]
fn a_joint_position_stated_by_one_of_its_members() {
    check(&[
        (
            "Starmer said Britain and France would draw up a plan to halt the fighting.",
            &[("starmer", "ceasefire", "support")],
        ),
        (
            "Macron said France and Germany back new sanctions on Moscow.",
            &[("macron", "sanctions", "support")],
        ),
        (
            "Zelensky said Ukraine and the United States agreed on a ceasefire.",
            &[
                ("zelensky", "ceasefire", "support"),
                ("usa", "ceasefire", "support"),
            ],
        ),
        (
            "Starmer said France and Germany back new sanctions on Moscow.",
            &[
                ("france", "sanctions", "support"),
                ("germany", "sanctions", "support"),
            ],
        ),
    ]);
}

/// A list of objects whose items run on past their topic ("asks for a full ceasefire of at
/// least 30 days, a security guarantee on a reciprocal basis, the return of deported
/// children"): each item is wanted. An item's tail holds no actor, cue or reporting verb: a
/// second clause after the comma is not an item.
#[test]
fn a_list_of_objects_with_long_items() {
    check(&[
        (
            "Kyiv asks for a full ceasefire of at least 30 days, a security guarantee for the \
             whole country, the return of deported children.",
            &[
                ("ukraine", "ceasefire", "support"),
                ("ukraine", "security_guarantees", "support"),
                ("ukraine", "prisoner_exchange", "support"),
            ],
        ),
        (
            "Merz backs a ceasefire of thirty days, the Kremlin rejects new sanctions.",
            &[
                ("merz", "ceasefire", "support"),
                ("russia", "sanctions", "reject"),
            ],
        ),
    ]);
}

/// Cases a second reading of this session's rules found (sentences written by the reviewer),
/// each wrong before its mend: "had to" with no verb after it or "had had to"; a reporting
/// "His successor said…" that names another person; "will not give up on" (pursued, not
/// refused); a refused comment, not a refused topic; an announced suspension or withdrawal;
/// "not conditional upon"; a prescription for a group that includes the speaker's country; an
/// absolute clause after a long list item; a prescription whose speaker cannot be told.
#[test]
fn second_reading_of_the_sessions_rules() {
    check(&[
        (
            "Macron said Ukraine has to date rejected any territorial concessions.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        (
            "Starmer said Russia had had to abandon the talks.",
            &[("russia", "peace_talks", "reject")],
        ),
        (
            "Zelensky dismissed his army chief on Friday. His successor said Ukraine would fight \
             on. He said Russia must agree to a ceasefire.",
            NONE,
        ),
        (
            "Trump said he will not give up on a ceasefire.",
            &[("trump", "ceasefire", "support")],
        ),
        (
            "Zakharova said Moscow would not provide any comment on the ceasefire proposal.",
            NONE,
        ),
        (
            "Russia announced the suspension of the peace talks.",
            &[("russia", "peace_talks", "reject")],
        ),
        (
            "Kyiv insists that security guarantees are not conditional upon a peace deal.",
            &[("ukraine", "security_guarantees", "support")],
        ),
        (
            "Starmer said Britain and Russia should agree to a ceasefire.",
            &[("starmer", "ceasefire", "support")],
        ),
        (
            "Zelensky called for a ceasefire along the entire front line, the peace talks in \
             Riyadh having stalled.",
            &[("zelensky", "ceasefire", "support")],
        ),
        (
            "Lavrov rejected a ceasefire of thirty days on the whole front, the sanctions still \
             in force in Europe.",
            &[("lavrov", "ceasefire", "reject")],
        ),
    ]);
}

/// A cue word inside a hyphenated compound is no cue: "held back-to-back talks" (not "held
/// back", a refusal), "on an all-for-all basis" (not "all for"). A verb with a prefix
/// ("re-impose") is still one.
#[test]
fn a_cue_inside_a_hyphenated_compound() {
    check(&[
        (
            "Zelensky and Trump held back-to-back talks with European leaders.",
            NONE,
        ),
        (
            "Kyiv wants a prisoner exchange on an all-for-all basis.",
            &[("ukraine", "prisoner_exchange", "support")],
        ),
        (
            "Brussels will re-impose sanctions on Moscow.",
            &[("eu", "sanctions", "support")],
        ),
    ]);
}

/// A prescription with its speaker after it ("Europe must send more air defence to Ukraine,
/// Rutte said", in a quote or not) is the speaker's, as with the speaker before it ("Rutte
/// said Europe must…"); it went to the subject.
#[test]
fn a_prescription_with_its_speaker_after_it() {
    check(&[
        (
            "Europe must send more air defence to Ukraine, Rutte said.",
            &[("rutte", "military_aid", "support")],
        ),
        (
            "“Europe should step up and buy the weapons itself,” Vance said.",
            &[("vance", "military_aid", "support")],
        ),
        (
            "Putin has to meet Zelensky, Trump said.",
            &[("trump", "peace_talks", "support")],
        ),
    ]);
}

/// A person whose "line", "message" or "view" is that … says what follows: "Lavrov's line was
/// that Moscow is ready to work on the summit" is Lavrov's, as "Lavrov said that Moscow is
/// ready…" is. A possessor before a word that is only a reporting verb elsewhere ("Europe's
/// counter-proposal") is no speaker.
#[test]
fn a_persons_line_is_what_they_say() {
    check(&[
        (
            "Lavrov's line was that Moscow is ready to work on the summit.",
            &[("lavrov", "peace_talks", "support")],
        ),
        (
            "Zelensky's message is that Kyiv wants a ceasefire.",
            &[("zelensky", "ceasefire", "support")],
        ),
        (
            "Zakharova said Europe's counter-proposal was written to wreck the negotiations.",
            &[("zakharova", "peace_talks", "reject")],
        ),
    ]);
}

/// An event awaited ("until Moscow agrees to a ceasefire") is no position of its subject's:
/// nobody has agreed yet. The position is the main clause's ("sanctions will stay", support),
/// not a condition (the gold reads "will stay until Russia withdraws" as support).
#[test]
fn an_event_awaited_until_is_no_position() {
    check(&[
        (
            "Macron said sanctions would stay until Russia accepts a ceasefire.",
            &[("macron", "sanctions", "support")],
        ),
        (
            "Berlin said sanctions on Russia would stay in place until Moscow agrees to stop shooting.",
            &[("germany", "sanctions", "support")],
        ),
        (
            "Kyiv will keep fighting until Russia agrees to a ceasefire.",
            NONE,
        ),
        // Before a time, "until" awaits no event.
        (
            "Trump waited until Tuesday to announce new sanctions on Russia.",
            &[("trump", "sanctions", "support")],
        ),
        (
            "Until the very end Zelensky opposed territorial concessions.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "Zelensky said Ukraine would wait until Putin agreed to talks.",
            NONE,
        ),
        // A position after the awaited event, in a clause of its own, is still read.
        (
            "Sanctions will stay until Moscow agrees to a ceasefire, but Merz backs new talks.",
            &[("merz", "peace_talks", "support")],
        ),
    ]);
}

/// A cue whose topic may stand before it ("aid should stop") does not reach back past its
/// own subject when that subject opens a coordinated clause: in "Britain will keep arming
/// Ukraine, and Europe should stop waiting to be asked" Europe stops waiting, not the arming.
/// (The topic as the cue's own subject still counts: "Security guarantees for Ukraine must
/// include Russia".)
#[test]
fn a_cue_does_not_reach_back_past_its_coordinated_subject() {
    check(&[
        (
            "Britain will keep arming Ukraine, and Europe should stop waiting to be asked.",
            &[("uk", "military_aid", "support")],
        ),
        (
            "Germany will keep sending air defence to Ukraine but France would stop hesitating.",
            &[("germany", "military_aid", "support")],
        ),
        (
            "Security guarantees for Ukraine must include Russia, Lavrov said.",
            &[("lavrov", "security_guarantees", "conditional")],
        ),
        // "and" inside the topic's phrase coordinates no subject.
        (
            "Zelensky said peace talks between Russia and Ukraine must resume.",
            &[("zelensky", "peace_talks", "support")],
        ),
    ]);
}

/// A topic that lacks another ("a ceasefire without security guarantees") and is judged
/// by a predicate ("would be a trap", "would only give Moscow time to regroup") is a
/// requirement: conditional for the topic before "without", as "talks without Ukraine at the
/// table will not work" is (guidelines, Requirements are conditional), and nothing for the
/// topic it lacks.
#[test]
fn a_topic_without_another_judged_is_a_requirement() {
    check(&[
        (
            "Zelensky said a ceasefire without security guarantees would only give Moscow time to regroup.",
            &[("zelensky", "ceasefire", "conditional")],
        ),
        (
            "Zelensky said a ceasefire without security guarantees would be a trap.",
            &[("zelensky", "ceasefire", "conditional")],
        ),
        // An article after "without".
        (
            "Peace talks without a ceasefire are pointless, Macron said.",
            &[("macron", "peace_talks", "conditional")],
        ),
        // Without a "without", the predicate judges the topic itself.
        (
            "Zelensky said security guarantees would be a trap.",
            &[("zelensky", "security_guarantees", "reject")],
        ),
    ]);
}

/// A connective alone between commas inside a verb phrase ("would not, however, commit") is
/// an adverb: it neither opens a clause nor stands between the negation and the verb, so
/// the refusal is a reject, as "would not, for now, commit" is.
#[test]
fn a_connective_between_commas_in_a_verb_phrase_is_an_aside() {
    check(&[
        (
            "Merz said he would not, however, commit German soldiers to Ukrainian soil.",
            &[("merz", "troop_deployment", "reject")],
        ),
        (
            "Trump has, however, ruled out American troops.",
            &[("trump", "troop_deployment", "reject")],
        ),
        (
            "Merz would not, for now, commit German soldiers to Ukraine.",
            &[("merz", "troop_deployment", "reject")],
        ),
        // Two clauses spliced by ", however," stay two: the condition stays in the first.
        (
            "Europe will back sanctions if it must, however, Trump backs new sanctions.",
            &[
                ("europe", "sanctions", "conditional"),
                ("trump", "sanctions", "support"),
            ],
        ),
    ]);
}

/// A step put off is rejected: "put X on hold", "X remains on ice" (the topic before the
/// cue). In a headline's style an actor right before the topic, after the subject's verb,
/// names the topic's kind ("Trump puts Putin summit on ice": Trump's, not Putin's).
#[test]
fn a_step_put_on_hold_is_rejected_by_who_puts_it() {
    check(&[
        (
            "Trump put military aid on hold.",
            &[("trump", "military_aid", "reject")],
        ),
        (
            "Washington put the ceasefire talks on hold.",
            &[("usa", "peace_talks", "reject")],
        ),
        (
            "Trump puts Putin summit on ice.",
            &[("trump", "peace_talks", "reject")],
        ),
        // A negation of the verb whose object the topic is: no step put off.
        ("Trump did not put military aid on hold.", NONE),
        ("Trump said he would not put military aid on hold.", NONE),
        // After an opening adverb the actor is the subject.
        (
            "Publicly Kyiv talks peace but rejects territorial concessions.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        // At the start, with no verb before it, the actor is the subject.
        (
            "Kyiv puts the truce plan on hold.",
            &[("ukraine", "ceasefire", "reject")],
        ),
    ]);
}

/// A step delayed ("holding off on new sanctions") is rejected, and made conditional by
/// "unless" like any refusal ("would hold off on new measures unless it became clear that…":
/// the expletive "it" of "it became clear" is no pronoun for the topic, which would make the
/// condition a threat). Punishing with a measure backs it ("would hit Russia hard with
/// sanctions").
#[test]
fn holding_off_and_hitting_with_a_measure() {
    check(&[
        (
            "Trump is holding off on new sanctions.",
            &[("trump", "sanctions", "reject")],
        ),
        (
            "Trump said he would hold off on new sanctions unless it became clear that Putin was stalling.",
            &[("trump", "sanctions", "conditional")],
        ),
        (
            "Trump said he would hit Russia hard with sanctions.",
            &[("trump", "sanctions", "support")],
        ),
        (
            "Brussels hits Moscow with a new sanctions package.",
            &[("eu", "sanctions", "support")],
        ),
        ("Russia hit Kyiv with drones.", NONE),
    ]);
}

/// An unnamed official of a side is that side, in the singular as in the plural ("an
/// administration official", "a senior U.S. official", "a Kremlin official"); an official of
/// no side gives no record (guidelines, Holders).
#[test]
fn an_official_of_a_side_is_the_side() {
    check(&[
        (
            "An administration official said all weapons deliveries to Ukraine were on hold.",
            &[("usa", "military_aid", "reject")],
        ),
        (
            "A senior U.S. official said new sanctions were on ice.",
            &[("usa", "sanctions", "reject")],
        ),
        (
            "A Kremlin official said foreign troops in Ukraine were unacceptable.",
            &[("russia", "troop_deployment", "reject")],
        ),
        ("An official said new sanctions were on ice.", NONE),
    ]);
}

#[test]
fn a_sentence_opening_with_a_quote_is_its_speakers_for_the_next_pronoun() {
    check(&[
        (
            // Moscow, inside the quote, is no subject: "he" is Zelensky, who speaks for Kyiv.
            "Zelensky spoke to reporters in Kyiv on Monday. \"Pressure is the only language Moscow understands,\" he said. He repeated that Kyiv stood ready for a ceasefire.",
            &[("zelensky", "ceasefire", "support")],
        ),
        (
            "Starmer took questions in Downing Street. “The Kremlin has to decide,” he said. He added that Britain would keep arming Ukraine.",
            &[("starmer", "military_aid", "support")],
        ),
        (
            // Two persons before the quote: its "he" cannot be told, nor can the next one.
            "Macron met Merz in Paris. \"Moscow must answer,\" he said. He added that France backed a ceasefire.",
            &[("france", "ceasefire", "support")],
        ),
        (
            // The quote's own actors are not who "he said" is; when "he" cannot be told, the
            // next "he" goes on with the same unknown speaker: no record.
            "Zelensky met Macron. \"Putin cannot be trusted,\" he said. He urged more sanctions.",
            NONE,
        ),
        (
            "Zelensky spoke in Kyiv. \"Putin cannot be trusted,\" he said. He urged more sanctions.",
            &[("zelensky", "sanctions", "support")],
        ),
        (
            // A "he" inside the quote re-opened after its attribution may be a quoted actor.
            "Vance spoke first. \"Putin called me,\" Trump said, \"and he told me he wants peace talks.\"",
            &[("putin", "peace_talks", "support")],
        ),
        (
            // "according to Lavrov" names who reports the quote, not its speaker.
            "\"We are ready,\" Putin said, according to Lavrov. He said Russia would accept a ceasefire.",
            &[("putin", "ceasefire", "support")],
        ),
    ]);
}

/// Known weak: relief refused until a requirement is met should keep the measure (support),
/// as "sanctions will stay until…" does; it is read as conditional relief, reject. A rule that
/// made every such opposite support (958a867) was withdrawn: it could not tell who wants the
/// relief ("Russia will not accept an easing of sanctions without the return of its assets" is
/// Russia's reject) nor a measure from neutrality ("would not accept neutral status until it
/// had guarantees").
#[test]
#[ignore]
fn relief_refused_until_a_requirement_keeps_the_measure() {
    check(&[
        (
            "Merz said Germany would not back any easing of sanctions until Russia agreed to a ceasefire.",
            &[("merz", "sanctions", "support")],
        ),
        (
            "Kyiv will not accept the lifting of sanctions without a peace deal.",
            &[("ukraine", "sanctions", "support")],
        ),
        (
            "Russia will not accept a partial easing of sanctions without the return of its frozen assets.",
            &[("russia", "sanctions", "reject")],
        ),
    ]);
}

#[test]
fn wanting_a_deal_to_hold_something_is_a_requirement() {
    // P6: a demand that a deal hold something makes the deal conditional and backs what it
    // must hold, with the deal as the verb's object and an infinitive after it.
    check(&[
        (
            "Paris said France wanted any truce to be accompanied by firm guarantees for Ukraine.",
            &[
                ("france", "ceasefire", "conditional"),
                ("france", "security_guarantees", "support"),
            ],
        ),
        (
            "Macron wants any peace deal to include security guarantees.",
            &[
                ("macron", "peace_talks", "conditional"),
                ("macron", "security_guarantees", "support"),
            ],
        ),
        (
            // No requirement: what the deal should do is no element of it.
            "Merz wants the talks to succeed.",
            &[("merz", "peace_talks", "support")],
        ),
        (
            // A demanded opposite is rejected (P6).
            "Putin wants any settlement to include the lifting of sanctions.",
            &[
                ("putin", "peace_talks", "conditional"),
                ("putin", "sanctions", "reject"),
            ],
        ),
        (
            // A scope is no requirement.
            "Zelensky wants any ceasefire to cover the Black Sea.",
            &[("zelensky", "ceasefire", "support")],
        ),
    ]);
}

#[test]
fn a_speaker_label_before_a_no_break_space_is_a_label() {
    // A list of who said what, where a no-break space follows a label's colon: the label still
    // names the item's speaker (it had kept the previous item's, Starmer, for Macron's words).
    check(&[(
        "- Keir Starmer: British troops will join the force.\n- Emmanuel Macron:\u{a0}no French soldiers in Ukraine. Paris favours an Article 5-style mutual-defence clause and could help monitor from outside.",
        &[
            ("starmer", "troop_deployment", "support"),
            ("macron", "troop_deployment", "reject"),
            ("macron", "collective_defense", "support"),
        ],
    )]);
}

#[test]
fn pressure_on_russia_is_the_sanctions_topic() {
    check(&[
        (
            "Merz urged allies to ratchet up the pressure on Moscow.",
            &[("merz", "sanctions", "support")],
        ),
        (
            "Von der Leyen said the pressure on Russia must stay in place until a just peace is signed.",
            &[("von_der_leyen", "sanctions", "support")],
        ),
        (
            "Zelensky called for stronger pressure on Russia.",
            &[("zelensky", "sanctions", "support")],
        ),
        // Pressure on anyone else is no measure against Russia.
        ("Trump said there was no pressure on him to act.", NONE),
        (
            // What a suggestion's clause proposes is its possessor's.
            "Trump's suggestion that Ukraine cede the Donbas angered Kyiv.",
            &[("trump", "territorial_concessions", "support")],
        ),
    ]);
}

#[test]
fn the_presidents_office_speaks_for_the_president() {
    // The office that speaks for a president is the president (as "the Kremlin" is Russia):
    // a person speaking for their collective holds its position.
    check(&[
        (
            "The Office of the President of Ukraine said Kyiv backed a full ceasefire.",
            &[("zelensky", "ceasefire", "support")],
        ),
        (
            "Zelenskyy's office said Ukraine would never accept territorial concessions.",
            &[("zelensky", "territorial_concessions", "reject")],
        ),
        (
            "OFFICE OF THE PRESIDENT OF UKRAINE:\n\"We are ready for a full ceasefire.\"",
            &[("zelensky", "ceasefire", "support")],
        ),
    ]);
}

#[test]
fn a_stance_noun_voiced_by_its_subject_is_the_subjects() {
    // "stressed / underlined / reiterated / spoke about the need for …": the subject voices
    // the stance noun as their own, though it has no possessor.
    check(&[
        (
            "Macron stressed the need for a ceasefire before winter.",
            &[("macron", "ceasefire", "support")],
        ),
        (
            "Trump and Putin spoke about the need for a ceasefire on their call.",
            &[
                ("trump", "ceasefire", "support"),
                ("putin", "ceasefire", "support"),
            ],
        ),
        // No voicing verb: nobody's.
        ("Reporters asked about the need for a ceasefire.", NONE),
        // "no suggestion of" is no sign of anything.
        (
            "Zelensky said he saw no suggestion of a ceasefire in Putin's remarks.",
            NONE,
        ),
        ("The need for a ceasefire was obvious, analysts said.", NONE),
    ]);
}

/// Known weak: a stance noun whose holder is named after it ("the refusal of Russia", "the
/// call … by EU leaders"), voiced by another subject, gives no record (it had given the voicing
/// subject's, 0e2cc42 before its second reading).
#[test]
#[ignore]
fn a_voiced_stance_noun_with_its_own_holder_is_that_holders() {
    check(&[
        (
            "Zelensky stressed the refusal of Russia to accept a ceasefire.",
            &[("russia", "ceasefire", "reject")],
        ),
        (
            "Zelensky highlighted the call for more sanctions by EU leaders.",
            &[("europe", "sanctions", "support")],
        ),
    ]);
}

#[test]
fn the_kremlin_aide_is_ushakov() {
    // A title that names one person ("the Kremlin's foreign policy aide", "Putin's foreign
    // policy aide"), who speaks for Russia; "made plain that" reports as "made clear that".
    // "A Kremlin aide" is any of several: Moscow's position stays Russia's.
    check(&[
        (
            "A Kremlin aide said Moscow rejects any ceasefire.",
            &[("russia", "ceasefire", "reject")],
        ),
        (
            "The Kremlin's foreign policy aide made plain that Russia still wants all of Donetsk.",
            &[("ushakov", "territorial_concessions", "support")],
        ),
        (
            "Putin's foreign policy aide said Moscow rejected the ceasefire.",
            &[("ushakov", "ceasefire", "reject")],
        ),
    ]);
}

/// An actor right before a topic, the two followed by a verb of their own, is one noun phrase
/// ("U.S. sanctions were…", "Ukraine joining NATO is…"): the actor modifies the topic and is
/// not the subject of the cue after it; the holder is found further back, as for "the U.S.
/// sanctions". A topic word that is the verb ("Kyiv talks peace but rejects…") keeps its
/// subject.
#[test]
fn an_actor_modifying_a_topic_that_has_its_own_verb() {
    check(&[
        (
            "Peskov said U.S. sanctions were unacceptable.",
            &[("peskov", "sanctions", "reject")],
        ),
        (
            "The Kremlin repeated that Ukraine joining NATO is off the table.",
            &[("russia", "nato_membership", "reject")],
        ),
        (
            "Lavrov said British troops would be legitimate targets.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            "Kyiv talks peace but rejects a ceasefire.",
            &[("ukraine", "ceasefire", "reject")],
        ),
    ]);
}

/// A pronoun speaker set off by commas right after the subject ("The EU, he said, should
/// adopt…") is the sentence's speaker, as a named one is ("The EU, Stubb said, should…"): a
/// prescription is the speaker's. The subject keeps a clause that is no prescription
/// ("Zelensky, he added, could … accept a ceasefire"). The aside's pronoun never refers to the
/// subject it is set into ("Zelensky, he said, should accept…" is someone else's).
#[test]
fn a_parenthetical_pronoun_speaker_after_the_subject() {
    check(&[
        (
            "Stubb spoke in Helsinki. The EU, he said, should adopt new sanctions without delay.",
            &[("stubb", "sanctions", "support")],
        ),
        (
            "Trump spoke in Washington. Zelensky, he added, could end the war and accept a \
             ceasefire.",
            &[("zelensky", "ceasefire", "support")],
        ),
        // The aside's "he" is not the subject it is set into: here it is Starmer, whose
        // prescription the clause is; with nobody before it to refer to, nobody's.
        (
            "Starmer spoke in London. Zelensky, he said, should accept a ceasefire now.",
            &[("starmer", "ceasefire", "support")],
        ),
        ("Zelensky, he said, should accept a ceasefire now.", &[]),
    ]);
}

/// "The steps" and an adjective of origin before a noun of the anaphor list ("the American
/// steps", "the European plan") refer back to the topic named before, as "the move" and "the
/// idea" do; a phrase followed by what it is about ("the American proposal for direct talks",
/// "the idea of a truce") refers to that instead, but not a span of time ("resisted that step
/// for nine months"). ("The decision" is no anaphor: decisions are as often to block or to
/// pause, and the stance on the decision is not the stance on its topic.)
#[test]
fn steps_named_by_their_origin_refer_back() {
    check(&[
        (
            "Russia proposed a 30-day truce. Zelensky welcomed the American proposal for direct \
             talks.",
            &[
                ("russia", "ceasefire", "support"),
                ("zelensky", "peace_talks", "support"),
                ("usa", "peace_talks", "support"),
            ],
        ),
        (
            "Washington imposed sanctions on Rosneft. Macron welcomed the decision.",
            &[("usa", "sanctions", "support")],
        ),
        (
            "Britain imposed sanctions on Rosneft. Trump resisted that step for nine months.",
            &[
                ("uk", "sanctions", "support"),
                ("trump", "sanctions", "reject"),
            ],
        ),
        (
            "Washington imposed sanctions on Rosneft. Zakharova said the American steps were \
             counterproductive.",
            &[
                ("usa", "sanctions", "support"),
                ("zakharova", "sanctions", "reject"),
            ],
        ),
    ]);
}

/// The subject of a condition set off before the cue's clause ("If Russia refuses a ceasefire,
/// sanctions must follow") is not the cue's subject: the position is the speaker's. A subject
/// of the cue's own clause after the condition keeps it.
#[test]
fn the_subject_of_a_leading_condition_is_not_the_holder() {
    check(&[
        (
            "If Russia refuses a ceasefire, sanctions must follow, Macron said.",
            &[("macron", "sanctions", "conditional")],
        ),
        (
            "Macron: if Moscow keeps dodging a truce, massive sanctions must follow.",
            &[("macron", "sanctions", "conditional")],
        ),
        (
            "Once the fighting stops, Britain will send troops.",
            &[("uk", "troop_deployment", "conditional")],
        ),
    ]);
}

/// The French presidency spelled with one accent ("the Elysée") is France, as "the Élysée"
/// and "the Elysee" are.
#[test]
fn the_elysee_with_one_accent_is_france() {
    check(&[(
        "The Elysée wants new sanctions without delay, an aide said.",
        &[("france", "sanctions", "support")],
    )]);
}

/// A topic phrase ending in a noun of proposal, or followed by one, after a possessor
/// ("Ukraine's NATO bid", "Zelensky's ceasefire proposal", "Trump's peace plan") is the
/// possessor's proposal, whatever the sentence does with it: the possessor backs the topic.
/// Not in a question, not without a possessor ("The peace plan was rejected"), and not before
/// a preposition that says whom or what the proposal is for ("sanctions plan against Kyiv").
#[test]
fn a_possessed_proposal_is_backed_by_its_possessor() {
    check(&[
        (
            "Vance dismissed Ukraine's NATO bid as a non-starter.",
            &[
                ("vance", "nato_membership", "reject"),
                ("ukraine", "nato_membership", "support"),
            ],
        ),
        (
            "Moscow rejected Zelensky's ceasefire proposal.",
            &[
                ("russia", "ceasefire", "reject"),
                ("zelensky", "ceasefire", "support"),
            ],
        ),
        (
            "Kyiv welcomed Trump's peace plan.",
            &[
                ("ukraine", "peace_talks", "support"),
                ("trump", "peace_talks", "support"),
            ],
        ),
        ("Would Kyiv welcome Trump's peace plan?", &[]),
        (
            "Moscow's sanctions plan against Kyiv angered Brussels.",
            &[],
        ),
        ("The peace plan was rejected.", &[]),
    ]);
}

/// A guarantee or assurance "that" an actor will not do something that names another topic
/// ("demands a guarantee that Ukraine will never join NATO") wraps what is wanted: the
/// demander's position is on that topic, and the guarantee is no security guarantee for
/// Ukraine; the actor inside the clause holds nothing. A guarantee whose clause names no other
/// topic, or no negation ("wants a guarantee that Europe will defend Ukraine"; "received
/// assurances that Russia would agree…", the giver's position), or a relative clause, stays
/// as it was.
#[test]
fn a_demanded_guarantee_that_wraps_another_topic() {
    check(&[
        (
            "Moscow demands a guarantee that Ukraine will never join NATO.",
            &[("russia", "nato_membership", "reject")],
        ),
        (
            "Putin wants a written guarantee that NATO will not expand eastward.",
            &[("putin", "nato_membership", "reject")],
        ),
        (
            "Kyiv wants guarantees that Russia will not attack again.",
            &[("ukraine", "security_guarantees", "support")],
        ),
        (
            "Kyiv wants security guarantees that would deter Russia.",
            &[("ukraine", "security_guarantees", "support")],
        ),
        (
            "Trump received assurances that Russia would agree to a ceasefire.",
            &[("russia", "ceasefire", "support")],
        ),
        (
            "Zelensky wants a guarantee that Europe will defend Ukraine.",
            &[("zelensky", "security_guarantees", "support")],
        ),
    ]);
}

/// British spelling of a reporting verb ("signalled") reports as the American one does, so a
/// speaker's own side is the speaker's.
#[test]
fn a_british_doubled_l_is_the_same_verb() {
    check(&[(
        "Merz signalled that Germany would pay for two Patriot systems.",
        &[("merz", "military_aid", "support")],
    )]);
}

/// A condition after a ", and" that opens a second statement with a verb of its own ("…, and
/// Berlin confirmed it was ready to do more if…") belongs to that statement, not to the cue
/// before it; not when that statement points back ("…, and London confirmed this would happen
/// if…"). ", and only if…" still restricts the cue.
#[test]
fn a_condition_of_a_second_statement_after_comma_and() {
    check(&[
        (
            "Merz said Germany would pay for two Patriot systems, and Berlin confirmed it was \
             ready to do more if Washington delivered quickly.",
            &[("merz", "military_aid", "support")],
        ),
        (
            "Britain will send troops to Ukraine, and London confirmed this would happen if a \
             ceasefire is reached.",
            &[("uk", "troop_deployment", "conditional")],
        ),
        (
            "Merz said Germany would pay for two Patriot systems, and only if Washington \
             delivered quickly.",
            &[("merz", "military_aid", "conditional")],
        ),
    ]);
}

/// An obligation a speaker puts on a pronoun subject ("He said it should sign up to a full
/// ceasefire", "it" being Russia) is the speaker's prescription, as with a named subject
/// ("Starmer said Russia should sign up…").
#[test]
fn a_prescription_on_a_pronoun_subject_is_the_speakers() {
    check(&[
        (
            "Macron spoke about Russia. He said it should sign up to a full ceasefire.",
            &[("macron", "ceasefire", "support")],
        ),
        (
            "Macron spoke about the Europeans. He said they should send troops.",
            &[("macron", "troop_deployment", "support")],
        ),
    ]);
}

/// "yes, but only …" right after a topic ("talks, yes, but only on our reading of Alaska")
/// backs it on the condition that follows. A bare "yes" is no cue: after a topic it as often
/// confirms a fact ("NATO membership, yes, is off the table").
#[test]
fn a_topic_answered_yes() {
    check(&[
        (
            "NATO membership, yes, is off the table for now, Zelensky admitted.",
            &[("zelensky", "nato_membership", "reject")],
        ),
        (
            "Lavrov: talks, yes, but only on our reading of Alaska.",
            &[("lavrov", "peace_talks", "conditional")],
        ),
        (
            "Yes, Kyiv rejected the ceasefire.",
            &[("ukraine", "ceasefire", "reject")],
        ),
    ]);
}

/// General wordings of positions: a topic declared "excluded" is rejected (not "excluded
/// from"); what one calls a "necessity" one backs.
#[test]
fn excluded_and_necessity() {
    check(&[
        (
            "NATO membership for Ukraine is excluded absolutely, Zakharova said.",
            &[("zakharova", "nato_membership", "reject")],
        ),
        ("Ukraine was excluded from the talks in Riyadh.", &[]),
        (
            "Kyiv stressed the necessity of a full ceasefire.",
            &[("ukraine", "ceasefire", "support")],
        ),
    ]);
}

/// Lifting or ending a pause in aid is backing the aid ("agreed to lift the pause on military
/// aid"), not rejecting it. A verb that opens a topic phrase with no cue or modal before it
/// ("Russia stationed its troops in Belarus", "Ukraine defended Kramatorsk") is no position:
/// most such sentences are facts of war.
#[test]
fn lifting_a_pause_in_aid_backs_the_aid() {
    check(&[
        (
            "Washington agreed to lift the pause on military aid.",
            &[("usa", "military_aid", "support")],
        ),
        (
            "Russia stationed its troops in Belarus ahead of the invasion.",
            &[],
        ),
        (
            "Zakharova claimed Washington resumed weapons deliveries in secret last month.",
            &[],
        ),
    ]);
}

/// The subject of a wish after "would rather" ("he would rather Ukraine did not need the
/// missiles") is what the wisher wants of it, not a holder: the position is the wisher's.
#[test]
fn the_subject_after_would_rather_is_not_the_holder() {
    check(&[
        (
            "Trump said he would rather Ukraine did not need the long-range missiles.",
            &[("trump", "military_aid", "reject")],
        ),
        (
            "Trump spoke to reporters. He said he'd rather Ukraine didn't need Tomahawks.",
            &[("trump", "military_aid", "reject")],
        ),
    ]);
}

/// Withdrawing one's forces from "the part(s) of" the Donbas is ceding it, as withdrawing from
/// the Donbas is: "would not withdraw its forces from the parts of Donbas it still controls"
/// rejects the concession, and demanding it supports it.
#[test]
fn withdrawing_from_the_parts_of_the_donbas_is_a_concession() {
    check(&[
        (
            "Kyiv will not withdraw its troops from the part of the Donbas it still holds.",
            &[("ukraine", "territorial_concessions", "reject")],
        ),
        (
            "The Kremlin demands that Ukraine pull its forces out of the parts of Donetsk it holds.",
            &[("russia", "territorial_concessions", "support")],
        ),
    ]);
}

/// A predicate said of the topic before it ("European soldiers in Ukraine would be
/// unacceptable") keeps that topic when another follows "under" or "within", which only
/// frames it ("… under any settlement", "within any peace deal").
#[test]
fn a_topic_after_under_frames_a_predicate() {
    check(&[
        (
            "Lavrov repeated that European soldiers in Ukraine would be unacceptable under any \
             settlement.",
            &[("lavrov", "troop_deployment", "reject")],
        ),
        (
            "Peskov said Western troops would be a red line within any peace deal.",
            &[("peskov", "troop_deployment", "reject")],
        ),
    ]);
}

/// A statement printed under its title ("Joint statement by the leaders of France, Germany,
/// Poland and the United Kingdom") is its signers' words, as a quote is its speaker's: "we"
/// and, in a numbered paragraph, a sentence with no holder of its own are theirs; a named
/// subject holds its own clause. It ends at a heading, a line opening with '[', or a closing
/// line ("Done at …"). A news headline that only mentions a statement gives no one's "we".
#[test]
fn a_statement_under_its_title_speaks_for_its_signers() {
    let leaders = |topic, stance| {
        vec![
            ("macron", topic, stance),
            ("merz", topic, stance),
            ("starmer", topic, stance),
            ("tusk", topic, stance),
        ]
    };
    let sanctions = leaders("sanctions", "support");
    let sanctions_by_three = || {
        vec![
            ("macron", "sanctions", "support"),
            ("merz", "sanctions", "support"),
            ("starmer", "sanctions", "support"),
        ]
    };
    let guarantees = leaders("security_guarantees", "support");
    check(&[
        (
            "Documents page.\n\nJoint statement by the leaders of France, Germany, Poland and \
             the United Kingdom\nLondon, 3 March\n\n1. We back new sanctions on Russia.\n\n\
             2. We will provide security guarantees to Ukraine.\n\nOUR READING\n\nWe doubt \
             that new sanctions will be backed.",
            &[sanctions.as_slice(), guarantees.as_slice()].concat(),
        ),
        (
            "Joint statement by the leaders of France, Germany, Poland and the United \
             Kingdom\n\n1. We back new sanctions on Russia.\n\n[End of text]\n\nWe will \
             provide security guarantees to Ukraine.",
            &sanctions,
        ),
        (
            "Leaders of France, Germany and Poland issue joint statement\n\nWe back new \
             sanctions on Russia.",
            NONE,
        ),
        // (Not a headline with a verb after the names; not past a closing line or a title
        // without closing punctuation; a sentence with no holder is the signers' only in a
        // numbered paragraph; "we at" a paper is the paper.)
        (
            "Statement by Macron, Merz and Starmer angers Moscow\n\nWe oppose troop \
             deployments.",
            NONE,
        ),
        (
            "Joint statement by Macron, Merz and Starmer\n\n1. We back new sanctions on \
             Russia.\n\nDone at Kyiv, 10 May 2025\n\nWe oppose troop deployments.",
            &sanctions_by_three(),
        ),
        (
            "Joint statement by Macron, Merz and Starmer\n\n1. We back new sanctions on \
             Russia.\n\nHow capitals answered\n\nWe oppose troop deployments.",
            &sanctions_by_three(),
        ),
        (
            "Joint statement by Macron, Merz and Starmer\n\n1. We back new sanctions on \
             Russia.\n\nThe statement came after the summit. A ceasefire now would be \
             premature. We at the Daily Planet oppose troop deployments.",
            &sanctions_by_three(),
        ),
        // (Not a "we" someone else is reported or quoted saying.)
        (
            "Joint statement by Macron, Merz and Starmer\n\nPutin said on Friday that we \
             will never accept foreign troops in Ukraine.\n\nIn his remarks, Trump said: \
             “We want a ceasefire.”",
            NONE,
        ),
        (
            "Joint statement by the leaders of France, Germany, Poland and the United \
             Kingdom\n\n1. A lasting peace requires credible security guarantees for \
             Ukraine.\n\n2. Europe backs new sanctions on Russia.\n\nOUR READING\n\nA \
             lasting peace requires a ceasefire.",
            &[
                guarantees.as_slice(),
                &leaders("peace_talks", "conditional"),
                &[("europe", "sanctions", "support")],
            ]
            .concat(),
        ),
    ]);
}

/// "as soon as" a step is taken is a condition, as "once" is: "stands ready to support such
/// talks as soon as the guns are silent" makes the talks conditional; "as soon as possible"
/// is no condition.
#[test]
fn as_soon_as_is_a_condition() {
    check(&[
        (
            "Britain stands ready to support such talks as soon as the guns are silent.",
            &[("uk", "peace_talks", "conditional")],
        ),
        (
            "Trump wants talks to start as soon as possible.",
            &[("trump", "peace_talks", "support")],
        ),
    ]);
}

/// A requirement on the strength of a step backs the step: "Guarantees must be real",
/// "the ceasefire has to be unconditional"; a requirement of how it is carried out ("must be
/// effectively monitored") is not read so.
#[test]
fn a_requirement_on_a_steps_strength_backs_it() {
    check(&[
        (
            "Zelensky said security guarantees must be legally binding.",
            &[("zelensky", "security_guarantees", "support")],
        ),
        (
            "Macron said the ceasefire has to be unconditional.",
            &[("macron", "ceasefire", "support")],
        ),
        (
            "Zelensky said any ceasefire must be effectively monitored.",
            NONE,
        ),
    ]);
}

/// A topic aimed at one side (topics.csv `target`: sanctions on Russia) is never backed by
/// that side: where a holder of Russia's side would back sanctions, the holder was misread
/// and no record is written ("… and floated secondary sanctions" after "Putin might be
/// stringing him along" is the writer's, not Putin's). Russia's rejection of sanctions stays.
#[test]
fn a_side_does_not_back_a_topic_aimed_at_it() {
    // (Whose the floated sanctions are is not read: only that they are not Putin's.)
    let got = records(
        "Trump wrote that Putin might be stringing him along and floated secondary sanctions.",
    );
    assert!(
        !got.iter().any(|(h, t, _)| h == "putin" && t == "sanctions"),
        "{got:?}"
    );
    check(&[
        (
            "Lavrov said sanctions would be tightened further if Kyiv stalled.",
            NONE,
        ),
        (
            "Lavrov rejected the new sanctions.",
            &[("lavrov", "sanctions", "reject")],
        ),
        // (Asking for an end to sanctions is asking for relief: a rejection, which stays.)
        (
            "Moscow is pressing for an end to sanctions on Russia.",
            &[("russia", "sanctions", "reject")],
        ),
    ]);
}

/// "He" goes on referring to the last person named across a few sentences that name none:
/// a sentence that names only a collective ("Russia shelled Kharkiv overnight.") does not
/// break the chain. A person named since takes over, and so does nobody after more than three
/// sentences without one, or after a sentence that reports someone the lexicon does not name
/// ("His successor said…", in second_reading_of_the_sessions_rules).
#[test]
fn he_refers_back_past_sentences_without_a_person() {
    check(&[
        (
            "Zelensky wrote to the White House on Friday. The letter arrived on Monday, and \
             Russia did not answer it. He added that he was ready for talks.",
            &[("zelensky", "peace_talks", "support")],
        ),
        (
            "Zelensky spoke on Friday. Russia shelled Kharkiv overnight. He said he was ready \
             for talks.",
            &[("zelensky", "peace_talks", "support")],
        ),
        (
            "Zelensky wrote to the White House. The letter arrived on Monday. Russia said \
             nothing. Strikes went on. The markets fell. He added that he was ready for talks.",
            NONE,
        ),
    ]);
}
