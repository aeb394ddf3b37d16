"""The observations CSV: read in UTF-8 (with BOM) or GBK, errors that name row and column."""

import io

import pytest

from planwatch.domain import Observation, ObservationKind, Provenance, parse_period
from planwatch.domain.observation_csv import (
    ObservationFileError,
    read_observations,
    write_observations,
)

HEADER = "place,indicator,period,value,unit,kind,source"


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "obs.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_reads_a_row_into_an_observation(tmp_path):
    path = write(tmp_path, f"{HEADER}\n绿园区,地区生产总值,2023H1,150.5,亿元,level,统计公报\n")
    [obs] = read_observations(path)
    assert obs == Observation("绿园区", "地区生产总值", parse_period("2023H1"), 150.5, "亿元",
                              ObservationKind.LEVEL, "统计公报", Provenance.OFFICIAL)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "gb18030"])
def test_reads_bom_and_chinese_windows_encodings(tmp_path, encoding):
    path = write(tmp_path, f"{HEADER},provenance\n长春市,服务业增加值,2022,3.1,%,growth_pct,"
                 "长春市统计局,estimate\n", encoding)
    [obs] = read_observations(path)
    assert (obs.place, obs.indicator, obs.provenance) == ("长春市", "服务业增加值",
                                                         Provenance.ESTIMATE)


def test_reads_file_objects_and_skips_blank_lines():
    text = f"{HEADER},note\n绿园区,城镇新增就业,2022,1.2,万人,count,人社局,\n\n"
    assert len(read_observations(io.StringIO(text))) == 1
    assert len(read_observations(io.BytesIO(text.encode("gbk")))) == 1


def test_thousands_separators_are_accepted(tmp_path):
    path = write(tmp_path, f'{HEADER}\n绿园区,常住人口,2020,"714,919",人,level,七普\n')
    assert read_observations(path)[0].value == 714919.0


@pytest.mark.parametrize(("row", "message"), [
    ("绿园区,地区生产总值,2023,abc,亿元,level,x", "obs.csv: row 2, column value: not a number"),
    ("绿园区,地区生产总值,2023年,1,亿元,level,x", "obs.csv: row 2, column period: bad period"),
    ("绿园区,地区生产总值,2023,1,亿元/年,level,x", "obs.csv: row 2, column unit: unknown unit"),
    ("绿园区,地区生产总值,2023,1,亿元,stock,x", "obs.csv: row 2, column kind: 'stock' is not one"),
    (",地区生产总值,2023,1,亿元,level,x", "obs.csv: row 2, column place: empty"),
    ("绿园区,地区生产总值,2023,1,亿元", "obs.csv: row 2: 5 fields where the header has 7"),
    ("绿园区,地区生产总值,2023,nan,亿元,level,x", "obs.csv: row 2, column value: not a finite"),
])
def test_bad_rows_are_reported_with_file_row_column_and_reason(tmp_path, row, message):
    path = write(tmp_path, f"{HEADER}\n{row}\n")
    with pytest.raises(ObservationFileError) as caught:
        read_observations(path)
    assert str(caught.value).startswith(str(tmp_path / message))


def test_a_bad_header_is_reported(tmp_path):
    with pytest.raises(ObservationFileError, match="row 1: missing column"):
        read_observations(write(tmp_path, "place,indicator,year,value\n"))
    with pytest.raises(ObservationFileError, match="row 1, column quote: unknown column"):
        read_observations(write(tmp_path, f"{HEADER},quote\n"))


def test_missing_and_binary_files_are_reported(tmp_path):
    with pytest.raises(ObservationFileError, match="cannot read"):
        read_observations(tmp_path / "absent.csv")
    (tmp_path / "bin.csv").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ObservationFileError):
        read_observations(tmp_path / "bin.csv")


def test_write_then_read_gives_the_same_observations():
    observations = [
        Observation("绿园区", "地区生产总值", parse_period("2022"), 300.25, "亿元"),
        Observation("长春市", "地区生产总值", parse_period("2023Q3"), 5.1, "%",
                    ObservationKind.GROWTH_PCT, "市统计局", Provenance.ILLUSTRATIVE),
    ]
    buffer = io.StringIO()
    write_observations(observations, buffer)
    assert read_observations(io.StringIO(buffer.getvalue())) == observations
