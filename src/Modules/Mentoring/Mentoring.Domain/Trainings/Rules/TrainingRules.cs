using BuildingBlocks.Domain;

namespace Mentoring.Domain.Trainings.Rules;

public sealed class TrainingMustHaveRoomRule(int enrolled, int capacity) : IBusinessRule
{
    public string Code => "training.full";

    public LocalizedText Message => new("The session is full.", "La session est complète.", "الدورة مكتملة.");

    public bool IsBroken() => enrolled >= capacity;
}

public sealed class PersonMustNotBeEnrolledTwiceRule(bool enrolled) : IBusinessRule
{
    public string Code => "training.already-enrolled";

    public LocalizedText Message => new("The person is already enrolled.", "La personne est déjà inscrite.", "الشخص مسجل بالفعل.");

    public bool IsBroken() => enrolled;
}

public sealed class AttendeeMustBeEnrolledRule(bool enrolled) : IBusinessRule
{
    public string Code => "training.not-enrolled";

    public LocalizedText Message => new("The person is not enrolled in this session.", "La personne n'est pas inscrite à cette session.", "الشخص غير مسجل في هذه الدورة.");

    public bool IsBroken() => !enrolled;
}
