"""A person's ``moment`` (in ``[[interview.interviewers]]`` and ``[interview.recruiter]``, and
``Contact(moment=)``): a sentence or two, in the candidate's own words, written to that
person about something from their conversation (issue 14; blind judges, drafts round 6:
"what each message was for lived only in the candidate's head")."""

from __future__ import annotations

from pathlib import Path

import pytest

import followup
from followup import Contact
from followup.errors import ValidationError
from followup.files import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MOMENT = "Our debate about scorecards ran over, and your point on calibration has stayed with me."


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "interview.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _pending(tmp_path: Path, interviewer: str = "", recruiter: str = "") -> Path:
    text = (EXAMPLES / "pending.toml").read_text(encoding="utf-8")
    text = text.replace(
        'linkedin = "https://www.linkedin.com/in/danielokafor"\n',
        f'linkedin = "https://www.linkedin.com/in/danielokafor"\n{interviewer}',
        1,
    )
    text = text.replace(
        'email = "lena.fischer@brightwater.example"\n',
        f'email = "lena.fischer@brightwater.example"\n{recruiter}',
        1,
    )
    return _write(tmp_path, text)


class TestTheField:
    def test_the_file_gives_each_person_their_own(self, tmp_path: Path) -> None:
        path = _pending(
            tmp_path,
            interviewer=f'moment = "{MOMENT}"\n',
            recruiter='moment = """Thanks for the tip about the portfolio review.\nIt helped."""\n',
        )
        iv = load(path).interview
        assert iv.interviewers[0].moment == MOMENT
        assert iv.recruiter is not None
        assert iv.recruiter.moment == "Thanks for the tip about the portfolio review.\nIt helped."

    def test_it_survives_the_converter(self) -> None:
        person = Contact(name="Daniel Okafor", moment=MOMENT)
        assert followup.to_dict(person)["moment"] == MOMENT
        assert followup.from_dict(followup.to_dict(person), Contact) == person
        assert "moment" not in followup.to_dict(Contact(name="Daniel Okafor"))

    @pytest.mark.parametrize("bad", ["", "   ", "a\x00b", "ring\x07"])
    def test_empty_text_or_control_characters_are_refused(self, bad: str) -> None:
        with pytest.raises(ValidationError) as info:
            Contact(name="Daniel Okafor", moment=bad)
        assert info.value.field == "moment"

    def test_line_breaks_and_tabs_are_fine(self) -> None:
        assert Contact(name="Daniel Okafor", moment="One.\r\nTwo.\tThree.").moment == "One.\r\nTwo.\tThree."

    def test_a_bad_value_in_the_file_names_the_field_and_says_what_it_wants(self, tmp_path: Path) -> None:
        with pytest.raises(followup.InputFileError) as info:
            load(_pending(tmp_path, interviewer="moment = 42\n"))
        message = str(info.value)
        assert "interview.toml:26: interview.interviewers[1].moment: 42 is not valid" in message
        assert "a sentence or two to them about your conversation" in message
        with pytest.raises(followup.InputFileError) as info:
            load(_pending(tmp_path, recruiter='moment = ""\n'))
        assert "interview.recruiter.moment" in str(info.value)
