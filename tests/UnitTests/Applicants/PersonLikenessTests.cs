using Applicants.Domain.Persons;

namespace UnitTests.Applicants;

/// <summary>
/// Pairs of registrations that are one person under another spelling, and pairs that only look
/// alike (twins, namesakes, relatives), as the deduplication must tell them apart.
/// </summary>
public class PersonLikenessTests
{
    private static readonly DateOnly Born = new(1991, 4, 17);

    private static PersonSketch Latin(string first, string last, DateOnly? born = null, string commune = "03.531.01.01") =>
        PersonSketch.Of(first, last, null, null, born ?? Born, commune);

    private static PersonSketch Arabic(string first, string last, DateOnly? born = null, string commune = "03.531.01.01") =>
        PersonSketch.Of(null, null, first, last, born ?? Born, commune);

    private static PersonSketch Both(string first, string last, string firstAr, string lastAr, DateOnly? born = null, string commune = "03.531.01.01") =>
        PersonSketch.Of(first, last, firstAr, lastAr, born ?? Born, commune);

    public static TheoryData<PersonSketch, PersonSketch> SamePerson => new()
    {
        // Latin transliterations of one name.
        { Latin("Mohammed", "El Alaoui"), Latin("Mohamed", "Alaoui") },
        { Latin("Youssef", "Ouazzani"), Latin("Yousef", "Wazani") },
        { Latin("Fatima Zahra", "El Amrani"), Latin("Fatimazahra", "Amrani") },
        { Latin("Abdelkader", "Benjelloun"), Latin("Abd El Kader", "Ben Jelloun") },
        { Latin("Hicham", "Chaoui"), Latin("Hisham", "Shaoui") },
        { Latin("Mohamed", "Bennani"), Latin("Mohamad", "Bennani") },
        // Arabic spellings: hamza, ta marbuta, alef maqsura, tatweel, diacritics.
        { Arabic("أمينة", "الإدريسي"), Arabic("امينه", "الادريسي") },
        { Arabic("مُصْطَفَى", "بنعلي"), Arabic("مصطفي", "بن علي") },
        { Arabic("عبد الله", "المـــرابط"), Arabic("عبدالله", "المرابط") },
        // First and last names swapped by the clerk.
        { Latin("Amrani", "Khadija"), Latin("Khadija", "Amrani") },
        // One script written differently, the other the same.
        { Both("Ouafae", "Tazi", "وفاء", "التازي"), Both("Wafae", "Tazi", "وفاء", "التازي") },
        // A slip in the day, same commune.
        { Latin("Said", "Berrada"), Latin("Said", "Berrada", born: new DateOnly(1991, 4, 7)) },
        // Day and month swapped, in another province.
        { Latin("Nadia", "Chraibi", born: new DateOnly(1990, 3, 5)), Latin("Nadia", "Chraibi", born: new DateOnly(1990, 5, 3), commune: "02.381.01.01") },
        // Born a year apart by a slip, same spelling and same commune.
        { Latin("Rachid", "Ouali"), Latin("Rachid", "Ouali", born: new DateOnly(1992, 4, 17)) },
        // Moved to another province, same birth date.
        { Latin("Mustapha", "Idrissi"), Latin("Moustapha", "Idrissi", commune: "02.381.01.01") },
    };

    public static TheoryData<PersonSketch, PersonSketch> DifferentPersons => new()
    {
        // Twins: one birth date, one family, different first names.
        { Latin("Hassan", "Alaoui"), Latin("Houssein", "Alaoui") },
        { Arabic("حسن", "العلوي"), Arabic("حسين", "العلوي") },
        { Latin("Said", "Berrada"), Latin("Saad", "Berrada") },
        // Namesakes of another family born the same day.
        { Latin("Karim", "Amrani"), Latin("Karim", "Omrani") },
        { Latin("Khadija", "Tazi"), Latin("Hadija", "Tazi") },
        // The Latin names are close, the Arabic ones say they are two names.
        { Both("Fatima", "Naciri", "فاطمة", "الناصري"), Both("Fatiha", "Naciri", "فتيحة", "الناصري") },
        // Same name, a different birth date in another commune: a namesake, not a duplicate.
        { Latin("Mohamed", "Alaoui"), Latin("Mohamed", "Alaoui", born: new DateOnly(1984, 9, 2), commune: "04.291.01.01") },
        // Same name and commune, born ten years apart: father and son.
        { Latin("Ahmed", "Tahiri"), Latin("Ahmed", "Tahiri", born: new DateOnly(2001, 4, 17)) },
        // Nothing to compare: one registered in Latin letters only, the other in Arabic only.
        { Latin("Amina", "Idrissi"), Arabic("أمينة", "الإدريسي") },
    };

    [Theory]
    [MemberData(nameof(SamePerson))]
    public void Spellings_of_one_person_are_likely_duplicates(PersonSketch one, PersonSketch other)
    {
        var likeness = PersonLikeness.Compare(one, other);

        likeness.Should().NotBeNull();
        likeness!.Score.Should().BeInRange(PersonLikeness.Threshold, 100);
        PersonLikeness.Compare(other, one)!.Score.Should().Be(likeness.Score, "the comparison is symmetric");
    }

    [Theory]
    [MemberData(nameof(DifferentPersons))]
    public void Persons_who_only_look_alike_are_not_duplicates(PersonSketch one, PersonSketch other)
    {
        PersonLikeness.Compare(one, other).Should().BeNull();
        PersonLikeness.Compare(other, one).Should().BeNull();
    }

    [Fact]
    public void The_same_birth_date_and_commune_weigh_in_the_score()
    {
        var here = PersonLikeness.Compare(Latin("Mohamed", "Alaoui"), Latin("Mohamed", "Alaoui"))!;
        var elsewhere = PersonLikeness.Compare(Latin("Mohamed", "Alaoui"), Latin("Mohamed", "Alaoui", commune: "02.381.01.01"))!;
        var slip = PersonLikeness.Compare(Latin("Mohamed", "Alaoui"), Latin("Mohamed", "Alaoui", born: new DateOnly(1991, 5, 17)))!;

        here.Score.Should().Be(100);
        here.SameBirthDate.Should().BeTrue();
        here.SameCommune.Should().BeTrue();
        elsewhere.Score.Should().BeLessThan(here.Score);
        elsewhere.SameCommune.Should().BeFalse();
        slip.Score.Should().BeLessThan(here.Score);
        slip.SameBirthDate.Should().BeFalse();
    }
}
