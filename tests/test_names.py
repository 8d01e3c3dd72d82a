"""Tests for followup.names: people's names in greetings, companies and roles in prose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from followup import Contact
from followup.errors import ValidationError
from followup.names import (
    ENGLISH_TITLES,
    address,
    company_short_name,
    parse_name,
    role_forms,
    with_honorific,
)

TITLE_WORDS = {
    "dr", "prof", "professor", "doctor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "herr",
    "frau", "mme", "mlle", "madame", "monsieur", "mister", "rev", "revd", "reverend", "dra", "sra",
    "srta",
}  # fmt: skip


class TestGreetingNames:
    @pytest.mark.parametrize(
        ("written", "formal", "informal"),
        [
            ("Dr. Ingrid Müller", "Dr. Müller", "Ingrid"),
            ("Ms. Aisha Bello", "Ms. Bello", "Aisha"),
            ("Mx. Robin Hale", "Mx. Hale", "Robin"),
            ("Mrs Joan Wright", "Mrs Wright", "Joan"),
            ("Mr Kevin O'Brien", "Mr O'Brien", "Kevin"),
            ("dr. ingrid müller", "Dr. müller", "ingrid"),
            # "Prof." is written out in an English greeting: "Dear Professor de la Cruz".
            ("Prof. Carlos de la Cruz", "Professor de la Cruz", "Carlos"),
            ("Mr. Carlos de la Cruz", "Mr. de la Cruz", "Carlos"),
            ("Carlos de la Cruz", "Carlos de la Cruz", "Carlos"),
            ("Ludwig van Beethoven", "Ludwig van Beethoven", "Ludwig"),
            ("Dr. Ludwig van Beethoven", "Dr. van Beethoven", "Ludwig"),
            ("Søren", "Søren", "Søren"),
            ("张伟", "张伟", "张伟"),
            ("Dr. 张伟", "Dr. 张伟", "张伟"),
            ("山田 太郎", "山田 太郎", "山田 太郎"),
            ("김민준", "김민준", "김민준"),
            ("Anne-Marie Dupont-Leclerc", "Anne-Marie Dupont-Leclerc", "Anne-Marie"),
            ("Dr. Anne-Marie Dupont-Leclerc", "Dr. Dupont-Leclerc", "Anne-Marie"),
            ("Herr Dr. med. Klaus Weber", "Dr. Weber", "Klaus"),
            ("Prof. Dr. rer. nat. Klaus Weber", "Professor Weber", "Klaus"),
            ("Frau Anna Schmidt", "Ms. Schmidt", "Anna"),
            ("Herr Schmidt", "Mr. Schmidt", "Mr. Schmidt"),
            ("Dr. Müller", "Dr. Müller", "Dr. Müller"),
            ("Professor Sarah Lee", "Professor Lee", "Sarah"),
            ("Sir John Smith", "Sir John", "John"),
            ("Miss Smith", "Miss Smith", "Miss Smith"),
            ('Robert "Bob" Smith', "Robert Smith", "Bob"),
            ("Robert (Bob) Smith", "Robert Smith", "Bob"),
            ("Jane Doe, PhD", "Jane Doe", "Jane"),
            ("Dr Jane Doe MD", "Dr Doe", "Jane"),
            ("Martin Luther King Jr.", "Martin Luther King", "Martin"),
            ("Müller, Ingrid", "Ingrid Müller", "Ingrid"),
            ("de la Cruz, Carlos", "Carlos de la Cruz", "Carlos"),
            ("J. R. R. Tolkien", "J. R. R. Tolkien", "J. R. R. Tolkien"),
            ("van Gogh", "van Gogh", "van Gogh"),
            ("  Jane   Doe ", "Jane Doe", "Jane"),
            ("DR INGRID MÜLLER", "Dr Müller", "Ingrid"),
            # Titles that were once read as a given name ("Hi Mister,", "Hi Rev.,").
            ("Mister Ollie Park", "Mr. Park", "Ollie"),
            ("Rev. Dr. Ama Owusu", "Dr. Owusu", "Ama"),
            ("Rev Ama Owusu", "Rev Owusu", "Ama"),
            ("Dra. Lucía Fernández", "Dr. Fernández", "Lucía"),
            ("Sra. Ana Ruiz", "Ms. Ruiz", "Ana"),
            ("Mlle Chloé Martin", "Ms. Martin", "Chloé"),
            ("Monsieur Paul Girard", "Mr. Girard", "Paul"),
            # An abbreviation not in the list, with its full stop, is a title as written.
            ("Ing. Pavel Novák", "Ing. Novák", "Pavel"),
            ("Capt. Ana Ruiz", "Capt. Ruiz", "Ana"),
            ("J. Smith", "J. Smith", "J. Smith"),
            ("Gen Tanaka", "Gen Tanaka", "Gen"),
            # Irish particles start the family name.
            ("Ms Aoife Ní Bhriain", "Ms Ní Bhriain", "Aoife"),
            ("Dr. Seán Mac Giolla", "Dr. Mac Giolla", "Seán"),
            ("JANE O'NEIL-SMITH", "Jane O'Neil-Smith", "Jane"),
            ("JJ Abrams", "JJ Abrams", "JJ"),
            (",", ",", ","),
            ("- -", "- -", "- -"),
        ],
    )
    def test_formal_and_informal(self, written: str, formal: str, informal: str) -> None:
        name = parse_name(written)
        assert name.formal(ENGLISH_TITLES) == formal
        assert name.informal(ENGLISH_TITLES) == informal

    def test_parts(self) -> None:
        name = parse_name("Prof. José María Fernández de la Cruz, PhD")
        assert name.titles == ("Prof.",)
        assert name.given == "José"
        assert name.middle == ("María",)
        assert name.family == "Fernández de la Cruz"  # a Spanish double surname
        assert name.suffixes == ("PhD",)
        assert name.full == "José María Fernández de la Cruz"
        assert not name.whole

    @pytest.mark.parametrize(
        ("written", "family", "formal", "warm"),
        [
            # Formal without a title: the given name, never the full name (a mail merge).
            ("Orla Brady", None, "Orla", "Orla"),
            ("Carlos de la Cruz", None, "Carlos", "Carlos"),
            ("Søren", None, "Søren", "Søren"),
            ("张伟", None, "张伟", "张伟"),
            # A courtesy title in formal only; a doctor's or professor's in every tone.
            ("Ms. Aisha Bello", None, "Ms. Bello", "Aisha"),
            ("Mr Kevin O'Brien", None, "Mr O'Brien", "Kevin"),
            ("Dr Orla Brady", None, "Dr Brady", "Dr Brady"),
            ("Prof. Dr. Klaus Weber", None, "Professor Weber", "Professor Weber"),
            # A cleric is greeted by the given name ("Hello Rev. MacLeod" mixes registers).
            ("Rev. Ama Owusu", None, "Ama", "Ama"),
            # An office a greeting does use, kept in every tone; it wins over "Revd" (a
            # reviewer found "Dear Canon," and "Hi Rabbi").
            ("Revd Canon Jane Hall", None, "Canon Hall", "Canon Hall"),
            ("The Rev. Canon Mark Jones", None, "Canon Jones", "Canon Jones"),
            ("Rabbi David Cohen", None, "Rabbi Cohen", "Rabbi Cohen"),
            ("Fr. Tom Byrne", None, "Fr. Byrne", "Fr. Byrne"),
            ("Bishop Sarah Mullally", None, "Bishop Mullally", "Bishop Mullally"),
            ("Sir John Smith", None, "Sir John", "Sir John"),
            ("Herr Klaus Weber", None, "Mr. Weber", "Klaus"),
            # Spanish double surnames, with and without particles.
            ("Ms. María García López", None, "Ms. García López", "María"),
            ("Sra. María José García López", None, "Ms. García López", "María"),
            ("Dr. Ana García de la Fuente", None, "Dr. García de la Fuente", "Dr. García de la Fuente"),
            ("Sr. José Ortega y Gasset", None, "Mr. Ortega y Gasset", "José"),
            ("Dr. John Michael Smith", None, "Dr. Smith", "Dr. Smith"),
            # The file says which part is the family name. A title written for a name in
            # family-name-first order is how that person is addressed in every tone (blind
            # judges: "Hi Eun-ji" to a Korean recruiter the file called "Ms" should be "Ms
            # Choi"); it was "Hi Min-jun" before.
            ("Mr. Kim Min-jun", "Kim", "Mr. Kim", "Mr. Kim"),
            # Written family name first without a title: a formal letter uses the whole
            # name in its order (blind judges found "Dear Katalin" too familiar), a warm
            # one the whole given name ("Mei Ling", not "Mei").
            ("Nagy Katalin", "Nagy", "Nagy Katalin", "Katalin"),
            ("Tan Mei Ling", "Tan", "Tan Mei Ling", "Mei Ling"),
            ("Ms. Tan Mei Ling", "Tan", "Ms. Tan", "Ms. Tan"),  # was "Mei Ling": see "Mr. Kim"
            # The file says which words are the family name: the rest is the given name,
            # whole, at the end too ("Hi María" cut María José short).
            ("María José García Herrera", "García Herrera", "María José", "María José"),
            ("Dr. Yamada Taro", "Yamada", "Dr. Yamada", "Dr. Yamada"),
            ("Ms. Ana Sofía Duarte Lima", "Duarte Lima", "Ms. Duarte Lima", "Ana Sofía"),
            ("Dr. 张伟", "张", "Dr. 张", "Dr. 张"),
            # Vietnamese order, told by the diacritics of a common family name or by the
            # middle name Thị / Văn: people are called by the last word ("Hi Lan").
            ("Nguyễn Thị Lan", None, "Nguyễn Thị Lan", "Lan"),
            # A title goes with the given name too, as Vietnamese address people ("Ms. Mai"; blind
            # judges, drafts round 6: "Ms Mai", never "Ms. Trần").
            ("Ms. Trần Thị Mai", None, "Ms. Mai", "Mai"),
            ("Nguyen Van An", None, "Nguyen Van An", "An"),
            ("Huỳnh Ngọc Anh Thư", None, "Huỳnh Ngọc Anh Thư", "Thư"),
            # Đ has no decomposition: folded by hand ("Đặng" is "dang").
            ("Đặng Văn Lâm", None, "Đặng Văn Lâm", "Lâm"),
            ("Mr. Đỗ Văn Hùng", None, "Mr. Hùng", "Hùng"),
            # Western order stays Western, and a particle "van" is still a particle.
            ("Lan Nguyen", None, "Lan", "Lan"),
            ("Ludwig van Beethoven", None, "Ludwig", "Ludwig"),
            ("Mr. Ludwig van Beethoven", None, "Mr. van Beethoven", "Ludwig"),
        ],
    )
    def test_greeting_names_as_people_write_them(
        self, written: str, family: str | None, formal: str, warm: str
    ) -> None:
        name = parse_name(written, family)
        assert name.greeting("formal", ENGLISH_TITLES) == formal
        assert name.greeting("warm", ENGLISH_TITLES) == warm
        assert name.greeting("brief", ENGLISH_TITLES) == warm

    def test_a_name_written_family_name_first_keeps_its_order(self) -> None:
        name = parse_name("Kim Min-jun", "Kim")
        assert (name.family, name.given, name.full) == ("Kim", "Min-jun", "Kim Min-jun")

    def test_a_family_name_not_in_the_name_is_an_error(self) -> None:
        with pytest.raises(ValidationError, match="family_name"):
            parse_name("Kim Min-jun", "Lee")
        with pytest.raises(ValidationError, match="family_name"):
            parse_name("Kim Min-jun", "Min")  # a whole word, at the start or the end

    def test_titles_keep_the_writers_full_stop(self) -> None:
        assert parse_name("Dr Ingrid Müller").formal() == "Dr Müller"
        assert parse_name("Dr. Ingrid Müller").formal() == "Dr. Müller"
        assert parse_name("DR. Ingrid Müller").formal() == "Dr. Müller"

    def test_foreign_titles_are_kept_without_a_mapping(self) -> None:
        assert parse_name("Herr Klaus Weber").formal() == "Herr Weber"

    @pytest.mark.parametrize("written", ["Dr.", "Dr", "Prof. Dr.", "Mr", "  ", ""])
    def test_a_bare_title_is_not_a_name(self, written: str) -> None:
        with pytest.raises(ValidationError, match="name"):
            parse_name(written)

    @given(
        title=st.sampled_from(
            ["", "Dr. ", "Prof ", "Ms. ", "Mx ", "Herr ", "Sir ", "Mister ", "Rev. ", "Dra. ", "Ing. "]
        ),
        words=st.lists(
            st.text(alphabet=st.characters(categories=["L", "P", "N"]), min_size=1, max_size=12),
            min_size=1,
            max_size=4,
        ),
    )
    def test_no_greeting_name_is_ever_a_bare_title_or_empty(self, title: str, words: list[str]) -> None:
        written = title + " ".join(words)
        try:
            name = parse_name(written)
        except ValidationError:
            # refused only when nothing but titles and letterless marks is left ("Dr. ,")
            from followup.names import _title_of

            assert all(_title_of(w) is not None or not any(c.isalpha() for c in w) for w in words)
            return
        for form in (name.formal(ENGLISH_TITLES), name.informal(ENGLISH_TITLES)):
            assert form.strip()
            assert form.replace(".", "").casefold() not in TITLE_WORDS
            assert form == " ".join(form.split())


class TestAddressByCulture:
    """How the file says to address someone, and the custom of where they work (blind judges, drafts round 5).

    Each case: the contact, the country they work in, then the greeting of each tone
    (word and name) as the drafts write it.
    """

    @pytest.mark.parametrize(
        ("kwargs", "region", "formal", "warm"),
        [
            # A Korean recruiter the file calls "Ms", written family name first: "Ms Choi" in
            # every tone, after "Dear" ("Hi Eun-ji" was too familiar, "Hi Ms Choi" is odd).
            ({"name": "Choi Eun-ji", "family_name": "Choi", "honorific": "Ms"}, "KR", "Dear Ms Choi", "Dear Ms Choi"),
            # The same without family_name: a romanised Korean name is read family name first.
            ({"name": "Choi Eun-ji", "honorific": "Ms"}, "KR", "Dear Ms Choi", "Dear Ms Choi"),
            # No honorific, family name first, in Korea: the whole name, never "Hi Ji-hoon".
            ({"name": "Park Ji-hoon"}, "KR", "Dear Park Ji-hoon", "Dear Park Ji-hoon"),
            ({"name": "Ji-hoon Park"}, "KR", "Dear Ji-hoon Park", "Dear Ji-hoon Park"),
            # Without an honorific, someone working in Japan is "-san" after the family name, in
            # every tone and either order (drafts round 7: "Dear Sato Kenji" read as a form).
            ({"name": "Tanaka Hiroshi", "family_name": "Tanaka"}, "JP", "Dear Tanaka-san", "Dear Tanaka-san"),
            ({"name": "Kenji Sato"}, "JP", "Dear Sato-san", "Dear Sato-san"),
            ({"name": "Sato Kenji", "family_name": "Sato"}, "JP", "Dear Sato-san", "Dear Sato-san"),
            # Without family_name, a common Japanese family name tells the order: never
            # "Kenji-san" for "Sato Kenji"; someone from elsewhere is not "Whitaker-san".
            ({"name": "Sato Kenji"}, "JP", "Dear Sato-san", "Dear Sato-san"),
            ({"name": "Nakamura Yuki"}, "JP", "Dear Nakamura-san", "Dear Nakamura-san"),
            ({"name": "Haruki Murakami"}, "JP", "Dear Murakami-san", "Dear Murakami-san"),
            ({"name": "Dan Whitaker"}, "JP", "Dear Dan", "Hi Dan"),
            ({"name": "Sato Kenji", "family_name": "Sato", "honorific": "Mr"}, "JP", "Dear Mr Sato", "Dear Mr Sato"),
            ({"name": "Sato Kenji", "family_name": "Sato", "honorific": "Dr"}, "JP", "Dear Dr Sato", "Dear Dr Sato"),
            ({"name": "Kenji Sato", "greeting": "Kenji"}, "JP", "Dear Kenji", "Hi Kenji"),
            ({"name": "佐藤健二", "family_name": "佐藤"}, "JP", "Dear 佐藤健二", "Dear 佐藤健二"),
            ({"name": "Tanaka Hiroshi", "family_name": "Tanaka", "honorific": "san"}, None, "Dear Tanaka-san", "Dear Tanaka-san"),
            ({"name": "张伟"}, "CN", "Dear 张伟", "Dear 张伟"),
            # A colleague from elsewhere in a Seoul office is greeted as at home.
            ({"name": "Dan Whitaker"}, "KR", "Dear Dan", "Hi Dan"),
            # An Indonesian honorific is how she is addressed, in every tone and anywhere.
            ({"name": "Wulandari", "honorific": "Ibu"}, "ID", "Dear Ibu Wulandari", "Dear Ibu Wulandari"),
            ({"name": "Wulandari", "honorific": "ibu"}, "GB", "Dear Ibu Wulandari", "Dear Ibu Wulandari"),
            ({"name": "Budi Santoso", "honorific": "Pak"}, "ID", "Dear Pak Budi", "Dear Pak Budi"),
            ({"name": "Budi Santoso"}, "ID", "Dear Budi Santoso", "Hi Budi"),
            # "Prof." is written out in a greeting, and in Germany a title holds in every tone.
            ({"name": "Matthias Hartmann", "honorific": "Prof."}, "DE", "Dear Professor Hartmann", "Dear Professor Hartmann"),
            ({"name": "Matthias Hartmann", "honorific": "Prof."}, "US", "Dear Professor Hartmann", "Hello Professor Hartmann"),
            ({"name": "Anna Schmidt", "honorific": "Frau"}, "DE", "Dear Ms. Schmidt", "Dear Ms. Schmidt"),
            # A German contact without a title: the full name, not the given name alone.
            ({"name": "Anna Schmidt"}, "DE", "Dear Anna Schmidt", "Dear Anna Schmidt"),
            ({"name": "Lukas Gruber"}, "AT", "Dear Lukas Gruber", "Dear Lukas Gruber"),
            # An American who writes "Ms." for everyone still wants "Hi Jane" in a warm note.
            ({"name": "Jane Doe", "honorific": "Ms."}, "US", "Dear Ms. Doe", "Hi Jane"),
            ({"name": "Ms. Jane Doe"}, "US", "Dear Ms. Doe", "Hi Jane"),
            ({"name": "Orla Brady"}, "IE", "Dear Orla", "Hi Orla"),
            ({"name": "Dr Orla Brady"}, "IE", "Dear Dr Brady", "Hello Dr Brady"),
            # Malay courtesy titles are for formal letters, with the person's own name.
            ({"name": "Nur Aisyah binti Ahmad", "honorific": "Puan"}, "MY", "Dear Puan Nur Aisyah", "Hi Nur Aisyah"),
            # A minister is greeted by the given name everywhere (round 4).
            ({"name": "Rev. Alasdair MacLeod"}, "DE", "Dear Alasdair", "Hi Alasdair"),
            # In the Gulf and in Ethiopia a title goes with the given name, in every tone (drafts
            # round 6, after measurement): "Eng. Tesfaye", never "Eng. Bekele" (his father's name).
            ({"name": "Eng. Khalid Al Mansoori"}, "AE", "Dear Eng. Khalid", "Dear Eng. Khalid"),
            ({"name": "Eng. Tesfaye Bekele"}, "ET", "Dear Eng. Tesfaye", "Dear Eng. Tesfaye"),
            ({"name": "Rania Haddad", "honorific": "Dr."}, "JO", "Dear Dr. Rania", "Dear Dr. Rania"),
            ({"name": "Khalid Al Mansoori"}, "AE", "Dear Khalid", "Hi Khalid"),
            ({"name": "Eng. Tesfaye Bekele"}, "GB", "Dear Eng. Bekele", "Hi Tesfaye"),
            # A Vietnamese name with its family name given: greeted by the last name, not the middle.
            ({"name": "Nguyen Thi Mai", "family_name": "Nguyen"}, "VN", "Dear Nguyen Thi Mai", "Hi Mai"),
            ({"name": "Nguyen Thi Mai", "family_name": "Nguyen", "honorific": "Ms"}, "VN", "Dear Ms Mai", "Hi Mai"),
            # The person's own greeting always wins; a titled one opens with "Dear".
            ({"name": "Choi Eun-ji", "family_name": "Choi", "honorific": "Ms", "greeting": "Eun-ji"}, "KR", "Dear Eun-ji", "Hi Eun-ji"),
            ({"name": "Anna Schmidt", "greeting": "Anna"}, "DE", "Dear Anna", "Hi Anna"),
            ({"name": "Eun-ji Choi", "greeting": "Ms Choi"}, "US", "Dear Ms Choi", "Dear Ms Choi"),
            ({"name": "Sri Wulandari", "greeting": "Bu Sri"}, "ID", "Dear Bu Sri", "Dear Bu Sri"),
            # Where formal address is by title and family name, a formal letter without a title
            # uses the full name, not the given name alone (drafts round 10); warm stays given.
            ({"name": "Kavita Deshpande"}, "IN", "Dear Kavita Deshpande", "Hi Kavita"),
            ({"name": "Mariam Bamba"}, "CI", "Dear Mariam Bamba", "Hi Mariam"),
            ({"name": "Claire Dubois"}, "FR", "Dear Claire Dubois", "Hi Claire"),
            ({"name": "Kavita Deshpande", "honorific": "Ms"}, "IN", "Dear Ms Deshpande", "Hi Kavita"),
            ({"name": "Kavita Deshpande"}, "US", "Dear Kavita", "Hi Kavita"),
        ],
    )  # fmt: skip
    def test_greetings_follow_the_file_and_the_custom_of_where_they_work(
        self, kwargs: dict[str, str], region: str | None, formal: str, warm: str
    ) -> None:
        from followup import Contact

        named = Contact(**kwargs).address(region)
        assert f"Dear {named.formal}" == formal
        got = f"Dear {named.courtesy}" if named.courtesy else f"Hello {named.titled}" if named.titled else f"Hi {named.first}"
        assert got == warm
        # Named to someone else as the greeting names them ("Meeting Ms Choi and Park Ji-hoon").
        assert named.prose == warm.split(" ", 1)[1]

    def test_a_korean_name_is_read_family_name_first_only_when_it_looks_korean(self) -> None:
        assert parse_name("Choi Eun-ji").family == "Choi"
        assert parse_name("Lee Min-ho").given == "Min-ho"
        # Western names with a hyphen stay in Western order.
        assert parse_name("Lee Jean-Paul").given == "Lee"
        assert parse_name("Kim Anne-marie").family == "Kim"  # ambiguous letters but not two syllables joined
        assert parse_name("Park Smith-Jones").given == "Park"

    @given(
        honorific=st.sampled_from(["", "Ms", "Dr.", "Prof.", "Ibu", "Pak", "san", "Puan", "Rev.", "Frau", "Ing."]),
        region=st.sampled_from([None, "KR", "JP", "ID", "DE", "US", "GB", "MY"]),
        words=st.lists(
            st.text(alphabet=st.characters(categories=["L", "P", "N"]), min_size=1, max_size=12),
            min_size=1,
            max_size=3,
        ),
    )
    def test_no_address_is_ever_a_bare_title_or_empty(
        self, honorific: str, region: str | None, words: list[str]
    ) -> None:
        try:
            name = parse_name(" ".join(words))
        except ValidationError:
            return
        named = address(with_honorific(name, honorific), region=region, titles=ENGLISH_TITLES)
        for form in (named.first, named.formal, named.titled, named.courtesy, named.prose):
            if form is None:
                continue
            assert form.strip()
            # "San" alone is a (Burmese) name; "Ibu", "Pak", "Puan" alone are refused.
            assert form.replace(".", "").strip("-").casefold() not in TITLE_WORDS | {"ibu", "pak", "puan"}
            assert form == " ".join(form.split())


class TestHonorificWrittenInTheName:
    """An Indonesian or Malay honorific written at the start of the name counts as the
    honorific: "Ibu Wulandari" was greeted "Hi Ibu" (a bare title), "Pak Budi Santoso"
    "Hi Pak" (found by Hypothesis in the health run, 2 Dec)."""

    @pytest.mark.parametrize(
        ("written", "name", "honorific", "greeting"),
        [
            ("Ibu Wulandari", "Wulandari", "Ibu", "Ibu Wulandari"),
            ("Pak Budi Santoso", "Budi Santoso", "Pak", "Pak Budi"),
            ("Bapak Joko Widodo", "Joko Widodo", "Bapak", "Bapak Joko"),
            ("Mbak Sari", "Sari", "Mbak", "Mbak Sari"),
            ("Encik Ahmad bin Ali", "Ahmad bin Ali", "Encik", "Encik Ahmad"),
        ],
    )
    @pytest.mark.parametrize("region", ["ID", "MY", "US"])
    def test_it_greets_as_the_honorific_field_would(
        self, written: str, name: str, honorific: str, greeting: str, region: str
    ) -> None:
        got = Contact(name=written).address(region)
        want = Contact(name=name, honorific=honorific).address(region)
        assert got.formal == want.formal == greeting
        assert (got.courtesy, got.prose) == (want.courtesy, want.prose)
        assert honorific not in (got.first, got.prose)

    @pytest.mark.parametrize("written", ["Pak Se-ri", "Bu Xiaoming", "Tuan Nguyen", "Mas Pérez"])
    def test_words_that_are_also_names_stay_names(self, written: str) -> None:
        # "Pak" is a Korean family name before a hyphenated given name; "Bu", "Tuan", "Mas"
        # are names or surnames too, so they count as honorifics only from `honorific`.
        assert parse_name(written).titles == ()

    @pytest.mark.parametrize("alone", ["Ibu", "IBU", "pak", "Puan", "Bapak."])
    def test_an_honorific_alone_is_refused_with_the_fix(self, alone: str) -> None:
        with pytest.raises(ValidationError, match="not only an honorific: write 'Ibu Wulandari'"):
            parse_name(alone)

    def test_san_alone_is_a_name(self) -> None:
        assert Contact(name="San").address("MM").first == "San"


class TestCompanyShortName:
    @pytest.mark.parametrize(
        ("written", "short"),
        [
            ("Pennine Logistics Ltd", "Pennine Logistics"),
            ("Pennine Logistics Ltd.", "Pennine Logistics"),
            ("Pennine Logistics Limited", "Pennine Logistics"),
            ("Acme, Inc.", "Acme"),
            ("Northgate Health Inc.", "Northgate Health"),
            ("Acme Corp", "Acme"),
            ("Microsoft Corporation", "Microsoft"),
            ("Stripe LLC", "Stripe"),
            ("Nordlicht Energie GmbH", "Nordlicht Energie"),
            ("Müller GmbH & Co. KG", "Müller"),
            ("Siemens AG", "Siemens"),
            ("Airbus SE", "Airbus"),
            ("Banco Santander S.A.", "Banco Santander"),
            ("Grupo Bimbo S.A. de C.V.", "Grupo Bimbo"),
            ("Rolls-Royce Holdings plc", "Rolls-Royce Holdings"),
            ("ASML Holding N.V.", "ASML Holding"),
            ("Widgets Pty Ltd", "Widgets"),
            ("Sony Group Co., Ltd.", "Sony Group"),
            ("Spotify AB", "Spotify"),
            ("Comarch Sp. z o.o.", "Comarch"),
            ("PT Nusantara Digital", "Nusantara Digital"),
            ("PT. Bank Central Asia Tbk", "Bank Central Asia"),
            ("PT Nusantara Digital Tbk.", "Nusantara Digital"),
            ("OOO Yandex", "Yandex"),
            ("JSC Kaspi Bank", "Kaspi Bank"),
            ("Emirates NBD PJSC", "Emirates NBD"),
            ("Siam Cement Public Company Limited", "Siam Cement"),
            ("Pt Barnum Shows", "Pt Barnum Shows"),
            ("PT", "PT"),
            ("PT The", "PT The"),
            ("Acme", "Acme"),
            ("The Limited", "The Limited"),
            ("Agile Ag Partners", "Agile Ag Partners"),
            ("Brightwater Analytics", "Brightwater Analytics"),
        ],
    )
    def test_drops_legal_suffixes(self, written: str, short: str) -> None:
        assert company_short_name(written) == short

    @given(st.text(min_size=1, max_size=40).filter(str.strip))
    def test_never_empty_and_a_part_of_the_name(self, written: str) -> None:
        short = company_short_name(written)
        assert short.strip()
        assert short in " ".join(written.split())


class TestRoleForms:
    @pytest.mark.parametrize(
        ("role", "forms"),
        [
            ("Data Engineer", ("Data Engineer",)),
            ("Backend Engineer (Python)", ("Backend Engineer (Python)", "Backend Engineer")),
            (
                "Senior Operations Analyst, Ambulatory Care Network Strategy and Planning",
                (
                    "Senior Operations Analyst, Ambulatory Care Network Strategy and Planning",
                    "Senior Operations Analyst",
                ),
            ),
            (
                "Staff Engineer – Payments / Risk",
                ("Staff Engineer – Payments / Risk", "Staff Engineer – Payments", "Staff Engineer"),
            ),
        ],
    )
    def test_shorter_forms_end_at_natural_breaks(self, role: str, forms: tuple[str, ...]) -> None:
        assert role_forms(role) == forms

    @example(role="0(0)")
    @example(role="0,0")
    @given(st.text(min_size=1, max_size=80).filter(str.strip))
    def test_forms_never_cut_a_word(self, role: str) -> None:
        def words(text: str) -> set[str]:
            stripped = (w.strip(" ,;:–—-/|()[]") for w in text.split())
            return {w for w in stripped if w}

        forms = role_forms(role)
        assert forms[0] == " ".join(role.split())
        for form in forms:
            assert form.strip()
            assert words(form) <= words(forms[0])


class TestContactNames:
    def test_a_contact_named_only_by_a_title_is_used_as_written(self) -> None:
        from followup import Contact

        sir = Contact(name="SIR")
        assert (sir.first_name, sir.formal_name) == ("SIR", "SIR")

    def test_contact_greeting_names(self) -> None:
        from followup import Contact

        ingrid = Contact(name="Dr. Ingrid Müller")
        assert (ingrid.first_name, ingrid.formal_name) == ("Ingrid", "Dr. Müller")
        assert ingrid.titled_name == "Dr. Müller"
        orla = Contact(name="Orla Brady")
        assert (orla.first_name, orla.formal_name, orla.titled_name) == ("Orla", "Orla", None)
        kim = Contact(name="Ms. Kim Seo-yeon", family_name="Kim")
        assert (kim.first_name, kim.formal_name, kim.titled_name) == ("Seo-yeon", "Ms. Kim", None)
        bob = Contact(name="Robert Smith", greeting="Dr Bob")
        assert (bob.first_name, bob.formal_name, bob.titled_name) == ("Dr Bob", "Dr Bob", "Dr Bob")

    @pytest.mark.parametrize(
        ("kwargs", "warm", "formal", "titled"),
        [
            ({"name": "Tan Wei Ling", "family_name": "Tan", "honorific": "Ms"}, "Wei Ling", "Ms Tan", None),
            ({"name": "Nagy Katalin", "family_name": "Nagy", "honorific": "Ms"}, "Katalin", "Ms Nagy", None),
            ({"name": "Fiona Baird", "honorific": "Ms"}, "Fiona", "Ms Baird", None),
            ({"name": "Siobhán Byrne", "honorific": "Dr"}, "Siobhán", "Dr Byrne", "Dr Byrne"),
            ({"name": "Nur Aisyah binti Ahmad", "honorific": "Puan"}, "Nur Aisyah", "Puan Nur Aisyah", None),
            ({"name": "Ahmad bin Ismail", "honorific": "Encik"}, "Ahmad", "Encik Ahmad", None),
            ({"name": "Nur Aisyah binti Ahmad"}, "Nur Aisyah", "Nur Aisyah", None),
            ({"name": "Sukarno", "honorific": "Mr"}, "Sukarno", "Mr Sukarno", None),
            ({"name": "Dr. Jane Doe", "honorific": "Prof."}, "Jane", "Professor Doe", "Professor Doe"),
            ({"name": "Robert Smith", "honorific": "Mr", "greeting": "Bob"}, "Bob", "Bob", None),
        ],
    )
    def test_a_contacts_honorific_is_the_formal_title(
        self, kwargs: dict[str, str], warm: str, formal: str, titled: str | None
    ) -> None:
        from followup import Contact

        person = Contact(**kwargs)
        assert (person.first_name, person.formal_name, person.titled_name) == (warm, formal, titled)

    def test_a_contacts_family_name_must_be_part_of_the_name(self) -> None:
        from followup import Contact

        with pytest.raises(ValidationError, match="family_name"):
            Contact(name="Kim Min-jun", family_name="Park")


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Museum Rheinhalle für Kunst und Design", "the museum"),
        ("Kestrel Vale NHS Foundation Trust", "the Trust"),
        ("Scioto Valley Regional Medical Center", "the medical center"),
        ("University of Leeds", "the university"),
        ("Massachusetts Institute of Technology", "the institute"),
        ("Leeds City Council", "the council"),
        # A business keeps its name without the legal form: its first word alone can be a
        # word or a place (a reviewer found "join General", "join Boston").
        ("Ironbark Electrical Contractors Pty Ltd", "Ironbark Electrical Contractors"),
        ("Bluefin Analytics Inc.", "Bluefin Analytics"),
        ("General Motors", "General Motors"),
        ("Boston Consulting Group", "Boston Consulting Group"),
        ("Western Digital Corporation", "Western Digital"),
        ("First Capital", "First Capital"),
        # A brand that holds an institution's word is a name, not that institution.
        ("Hotel Chocolat", "Hotel Chocolat"),
        ("Northern Trust", "Northern Trust"),
        ("Trust & Will", "Trust & Will"),
        ("College Board", "College Board"),
        ("Khan Academy", "Khan Academy"),
        ("Academy Sports + Outdoors", "Academy Sports + Outdoors"),
        # Two words before the description, or none that describe: the name as written.
        ("Urgent Care Partners Inc.", "Urgent Care Partners"),
        ("Constructora Meseta", "Constructora Meseta"),
        ("Global Logistics Partners", "Global Logistics Partners"),
        ("Trustpilot", "Trustpilot"),
    ],
)
def test_a_company_as_its_own_people_say_it(written: str, spoken: str) -> None:
    from followup.names import company_spoken_name

    assert company_spoken_name(written) == spoken


# --- end to end: `followup draft` on a file that says how to address people ----------------

CULTURE_FILE = """\
[candidate]
name = "Olivia Hart"
email = "olivia@example.co.uk"
timezone = "Europe/London"

[interview]
company = "Hanbit Mobility Co., Ltd."
role = "Senior Product Designer"
start = 2026-11-17T10:00:00
timezone = "{zone}"
duration = "1 hour"

[[interview.interviewers]]
name = "Park Ji-hoon"
family_name = "Park"
title = "Head of Design"
email = "jihoon.park@hanbit.example"
linkedin = "https://www.linkedin.com/in/parkjihoon"

[[interview.interviewers]]
name = "Matthias Hartmann"
honorific = "Prof."
title = "CTO"
email = "m.hartmann@hanbit.example"
linkedin = "https://www.linkedin.com/in/mhartmann"

[[interview.interviewers]]
name = "Dan Whitaker"
email = "dan@hanbit.example"

[interview.recruiter]
name = "{recruiter}"
{honorific}
title = "Recruiter"
email = "recruiter@hanbit.example"

[outcome]
status = "rejected"
date = 2026-11-24
from = "{recruiter}"

[plan]
preset = "after-rejection"
tone = "{tone}"
"""


def _cli_drafts(tmp_path: Path, tone: str, zone: str, recruiter: str, honorific: str) -> dict[str, str]:
    from drafting import cli_drafts, write_file

    text = CULTURE_FILE.format(zone=zone, recruiter=recruiter, honorific=honorific, tone=tone)
    # The file carries the tone, so this is what `--tone` (an override of it) drafted.
    drafted = cli_drafts(write_file(tmp_path, text), "2026-11-24T18:00:00+09:00", all_=False)
    return {key: d["body"] for key, d in drafted.items()}


@pytest.mark.parametrize("tone", ["warm", "brief", "formal"])
def test_draft_greets_a_korean_recruiter_and_names_the_panel_as_seoul_does(tmp_path: Path, tone: str) -> None:
    # Blind judges: "Hi Eun-ji" to a Korean recruiter the file called "Ms" should be "Dear Ms
    # Choi" in every tone, and the panel named by given names ("Ji-hoon, ... and Dan") was
    # too casual for senior people in Korea.
    got = _cli_drafts(tmp_path, tone, "Asia/Seoul", "Choi Eun-ji", 'family_name = "Choi"\nhonorific = "Ms"')
    reply = got["rejection-reply"]
    # A British candidate: the title without its full stop.
    assert reply.splitlines()[0] == "Dear Ms Choi,"
    assert "Eun-ji" not in reply
    note = got["linkedin-connect.park-ji-hoon"]
    assert note.startswith("Dear Park Ji-hoon,")
    # Whoever else a draft names is named as a greeting to them would name them.
    for body in got.values():
        assert "Ji-hoon" not in body.replace("Park Ji-hoon", ""), body
        assert not re.search(r"\bProf\b", body), body
    if tone == "warm":
        assert "Park Ji-hoon, Professor Hartmann and Dan" in reply


@pytest.mark.parametrize("tone", ["warm", "brief", "formal"])
def test_draft_greets_an_indonesian_recruiter_with_her_honorific_in_every_tone(tmp_path: Path, tone: str) -> None:
    got = _cli_drafts(tmp_path, tone, "Asia/Jakarta", "Wulandari", 'honorific = "Ibu"')
    assert got["rejection-reply"].splitlines()[0] == "Dear Ibu Wulandari,"


@pytest.mark.parametrize("tone", ["warm", "formal"])
def test_draft_in_berlin_uses_the_title_written_out_and_no_bare_given_name(tmp_path: Path, tone: str) -> None:
    # Blind judges: "Hello Prof Hartmann" (a British candidate's dropped full stop) should be
    # "Dear Professor Hartmann"; a German HR contact without a title was greeted by first name.
    got = _cli_drafts(tmp_path, tone, "Europe/Berlin", "Anna Schmidt", "")
    assert got["rejection-reply"].splitlines()[0] == "Dear Anna Schmidt,"
    assert got["linkedin-connect.matthias-hartmann"].startswith("Dear Professor Hartmann,")
    assert not any(re.search(r"\bProf\b", b) for b in got.values())
    if tone == "warm":
        assert "Professor Hartmann" in got["rejection-reply"]


def test_draft_in_the_us_keeps_hi_for_a_courtesy_title(tmp_path: Path) -> None:
    # Someone who writes "Ms." for everyone still wants "Hi Jane" in a warm note.
    got = _cli_drafts(tmp_path, "warm", "America/New_York", "Jane Doe", 'honorific = "Ms."')
    assert got["rejection-reply"].splitlines()[0] == "Hi Jane,"


@pytest.mark.parametrize("tone", ["warm", "brief", "formal"])
def test_draft_greets_a_gulf_engineer_by_title_and_given_name(tmp_path: Path, tone: str) -> None:
    # Blind judges, drafts round 6 (after measurement): "Hi Khalid" to a group VP in Dubai who
    # signs "Eng." should be "Dear Eng. Khalid"; the family name ("Al Mansoori") is not how
    # people there address him.
    got = _cli_drafts(tmp_path, tone, "Asia/Dubai", "Eng. Khalid Al Mansoori", "")
    reply = got["rejection-reply"]
    assert reply.splitlines()[0] == "Dear Eng. Khalid,"
    assert "Al Mansoori" not in reply
