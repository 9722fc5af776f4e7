using System.Text;
using BuildingBlocks.Infrastructure.Http;

namespace UnitTests.Http;

public class StorableTextTests
{
    [Theory]
    [InlineData("Association Al Amal")]
    [InlineData("جمعية الأمل")]
    [InlineData("\u200F\u202Bجمعية\u200C النور\u200D\u202C\u2066x\u2069")]
    [InlineData("line one\r\nline two\tcolumn")]
    [InlineData("emoji 🌍 pair")]
    [InlineData("")]
    public void Ordinary_text_with_bidirectional_marks_and_line_breaks_is_storable(string text) =>
        StorableText.IsStorable(text).Should().BeTrue();

    [Fact]
    public void Control_characters_and_unpaired_surrogates_are_not()
    {
        // Not theory data: the test runner's serialisation would replace the lone surrogates by U+FFFD.
        string[] texts = ["a\0b", "\u0001", "x\u001B[31m", "\u0008", "a\uD800", "\uDC00a", "\uD800\uD800\uDC00"];

        texts.Should().AllSatisfy(text => StorableText.IsStorable(text).Should().BeFalse(text));
    }

    [Theory]
    [InlineData("""{"name":"ok","nameAr":"\u0000"}""", "nameAr")]
    [InlineData("""{"lines":[{"label":"ok"},{"label":"\u0001"}]}""", "lines[1].label")]
    [InlineData("""{"tags":["a","b","\uD800"]}""", "tags[2]")]
    [InlineData("""{"a":{"b":{"c":[1,true,null,"\u0002"]}}}""", "a.b.c[3]")]
    [InlineData("""{"bad\u0000key":"x"}""", "body")]
    [InlineData(""" "\u0000" """, "body")]
    public void The_first_unstorable_string_of_a_json_body_is_named_by_its_path(string json, string path) =>
        StorableTextMiddleware.FirstUnstorableJsonField(Encoding.UTF8.GetBytes(json)).Should().Be(path);

    [Theory]
    [InlineData("""{"name":"جمعية\u200F","lines":[{"label":"a\tb\nc"}]}""")]
    [InlineData("""{"name": "x",, }""")]
    public void A_storable_or_malformed_body_is_left_to_the_binder(string json) =>
        StorableTextMiddleware.FirstUnstorableJsonField(Encoding.UTF8.GetBytes(json)).Should().BeNull();
}
