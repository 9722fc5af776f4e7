using Applicants.Domain.Persons;

namespace UnitTests.Applicants;

/// <summary>Spellings of one name that registrations really carry, and names that only look alike.</summary>
public class NormalisedNameTests
{
    [Theory]
    // Alef forms: hamza above, below, madda, wasla.
    [InlineData("أحمد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آمنة", "امنه")]
    [InlineData("ٱلحسن", "الحسن")]
    // Ta marbuta and ha; alef maqsura and ya.
    [InlineData("فاطمة", "فاطمه")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("يحيى", "يحيي")]
    // Hamza on its carriers, or alone.
    [InlineData("هائل", "هايل")]
    [InlineData("رؤوف", "رءوف")]
    [InlineData("مؤمن", "مومن")]
    // Tatweel and diacritics.
    [InlineData("محـــمد", "محمد")]
    [InlineData("مُحَمَّد", "محمد")]
    // Spacing inside compound names.
    [InlineData("عبد الله", "عبدالله")]
    [InlineData("فاطمة الزهراء", "فاطمه  الزهراء")]
    // Latin: case, accents, hyphens.
    [InlineData("EL AMRANI", "el amrani")]
    [InlineData("Hélène", "Helene")]
    [InlineData("Aït Baha", "Ait-Baha")]
    // The article written el-, al-, El or Al.
    [InlineData("El Amrani", "Al-Amrani")]
    [InlineData("el-Idrissi", "Idrissi")]
    // French and English transliterations: ou and w, sh and ch, doubled letters.
    [InlineData("Ouafae", "Wafae")]
    [InlineData("Oualid", "Walid")]
    [InlineData("Youssef", "Yousef")]
    [InlineData("Mohammed", "Mohamed")]
    [InlineData("Chaimae", "Shaimae")]
    [InlineData("Ben Ali", "Benali")]
    // More transliteration variants: o and u, y and i, dj and j, q and k, ph and f, c before e/i and s.
    [InlineData("Mohamed", "Muhamed")]
    [InlineData("Othmane", "Outhmane")]
    [InlineData("Yassine", "Yacine")]
    [InlineData("Djamila", "Jamila")]
    [InlineData("Qaddour", "Kaddour")]
    [InlineData("Rachid", "Rachyd")]
    [InlineData("Bennani", "Ben Nani")]
    // Abd and its article however it is written and spaced.
    [InlineData("Abdelkader", "Abd El Kader")]
    [InlineData("Abdellah", "Abdallah")]
    [InlineData("Abdoul Karim", "Abdelkarim")]
    public void Spellings_of_one_name_are_one_key(string one, string other)
    {
        NormalisedName.Of(one).Should().Be(NormalisedName.Of(other)).And.NotBeEmpty();
    }

    [Theory]
    [InlineData("سعيد", "سعد")]
    [InlineData("حسن", "حسين")]
    [InlineData("فاطمة", "فاطنة")]
    [InlineData("Amrani", "Omrani")]
    [InlineData("Fatima", "Fatiha")]
    [InlineData("Said", "Saad")]
    [InlineData("Khadija", "Hadija")]
    [InlineData("Alami", "Ami")]
    public void Different_names_stay_different(string one, string other)
    {
        NormalisedName.Of(one).Should().NotBe(NormalisedName.Of(other));
    }

    [Theory]
    [InlineData("ODCO-4566", "udcu4566")]
    [InlineData("Coopérative 11 Mars", "cuperative11mars")]
    [InlineData("جمعية ٢٢ يوليوز", "جمعيه٢٢يوليوز")]
    [InlineData("Groupe 1 1", "grupe11")]
    public void Digits_are_kept_as_written_even_doubled(string name, string key)
    {
        NormalisedName.Of(name).Should().Be(key);
    }

    [Fact]
    public void A_number_with_a_digit_doubled_is_not_the_number_without_it()
    {
        NormalisedName.Of("ODCO-4566").Should().NotBe(NormalisedName.Of("ODCO-456"));
        NormalisedName.Of("Lot 1123").Should().NotContain(NormalisedName.Of("Lot 123"));
        NormalisedName.Tokens("Bennani 2200").Should().BeEquivalentTo("benani", "2200", "~benani2200");
    }

    [Fact]
    public void Nothing_but_marks_and_spaces_is_an_empty_key()
    {
        NormalisedName.Of(null).Should().BeEmpty();
        NormalisedName.Of(" ـ - ").Should().BeEmpty();
    }

    [Theory]
    [InlineData("Mohamed El Alaoui", new[] { "muhamed", "alaui", "~muhamedalaui" })]
    [InlineData("Ait Ben Ali", new[] { "ait", "ben", "ali", "~aitben", "~benali", "~aitbenali" })]
    [InlineData("Abd El Kader", new[] { "abd", "kader", "~abdkader" })]
    [InlineData("عبد الله", new[] { "عبد", "اله", "~عبداله" })] // a letter doubled counts once
    [InlineData(" - ", new string[0])]
    public void A_name_is_searched_by_each_run_of_its_words_folded_as_a_whole_name_is(string name, string[] tokens)
    {
        NormalisedName.Tokens(name).Should().BeEquivalentTo(tokens);
    }

    [Theory]
    [InlineData("Mohammed", "muhamed")]
    [InlineData("Abdelkader", "abdkader")]
    [InlineData("أحمد", "احمد")]
    public void A_single_word_name_is_its_own_key(string name, string token)
    {
        NormalisedName.Tokens(name).Should().Equal(token);
        NormalisedName.Of(name).Should().Be(token);
    }

    [Fact]
    public void A_search_text_gives_its_words_and_the_whole_as_one()
    {
        var (words, whole) = NormalisedName.SearchTerms("Ben  Ali el-Mohammed");

        words.Should().Equal("ben", "ali", "muhamed");
        whole.Should().Be("benalimuhamed");
        NormalisedName.SearchTerms("%%").Words.Should().BeEmpty();
    }
}
