#!/usr/bin/env python3
"""Writes a registration file in the import template's columns: N persons with realistic Arabic and
Latin names, both sexes, ages 18-60, spread over every commune of the HCP file (so every province).

    generate.py LINES OUT.csv [SEED]

CINs are unique within a file and made from the seed, so two files with different seeds do not collide."""
import csv, random, sys, os

lines, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
here = os.path.dirname(os.path.abspath(__file__))
communes = [row["code"] for row in csv.DictReader(open(os.path.join(here, "../../src/Modules/Applicants/Applicants.Infrastructure/Persistence/Geography/communes.csv"), encoding="utf-8"))]

women = [("Fatima", "فاطمة"), ("Khadija", "خديجة"), ("Aicha", "عائشة"), ("Naima", "نعيمة"), ("Zineb", "زينب"), ("Hafsa", "حفصة"),
         ("Meryem", "مريم"), ("Saida", "سعيدة"), ("Rachida", "رشيدة"), ("Malika", "مليكة"), ("Houda", "هدى"), ("Loubna", "لبنى")]
men = [("Mohamed", "محمد"), ("Ahmed", "أحمد"), ("Youssef", "يوسف"), ("Hassan", "حسن"), ("Omar", "عمر"), ("Abdellah", "عبد الله"),
       ("Rachid", "رشيد"), ("Mustapha", "مصطفى"), ("Brahim", "إبراهيم"), ("Said", "سعيد"), ("Hamid", "حميد"), ("Khalid", "خالد")]
families = [("El Idrissi", "الإدريسي"), ("Benali", "بنعلي"), ("Ouali", "والي"), ("Amrani", "العمراني"), ("Tazi", "التازي"),
            ("Bennani", "بناني"), ("Alaoui", "العلوي"), ("Chraibi", "الشرايبي"), ("Ait Ouahmane", "آيت واحمان"), ("Ouchen", "أوشن"),
            ("Lahlou", "لحلو"), ("Berrada", "برادة"), ("Ziani", "الزياني"), ("Amazigh", "أمازيغ"), ("Boukhris", "بوخريص")]
educations = ["None", "Literacy", "Primary", "LowerSecondary", "UpperSecondary", "Vocational", "Higher"]
statuses = ["Unemployed", "InformallyEmployed", "SelfEmployed", "Student", "Inactive"]
letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
columns = ["cin", "first_name", "last_name", "first_name_ar", "last_name_ar", "sex", "birth_date", "phone", "email", "commune_code",
           "education_level", "household_size", "disability", "categories", "other_category_justification", "employment_status", "consented_on"]
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(columns)
    base = rng.randrange(100_000, 800_000)
    for i in range(lines):
        female = rng.random() < 0.55
        first, first_ar = rng.choice(women if female else men)
        last, last_ar = rng.choice(families)
        cin = f"{rng.choice(letters)}{rng.choice(letters)}{base + i:06d}"[:2 + 7]
        categories = []
        if female and rng.random() < 0.4: categories.append("WomanInDifficultSituation")
        if rng.random() < 0.1: categories.append("PersonWithDisability")
        if rng.random() < 0.3: categories.append("RuralYouth")
        w.writerow([cin, first, last, first_ar, last_ar, "F" if female else "M",
                    f"{rng.randrange(1966, 2008)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                    f"06{rng.randrange(10_000_000, 99_999_999)}", "", rng.choice(communes), rng.choice(educations),
                    rng.randrange(1, 10), "Motor" if "PersonWithDisability" in categories else "None", ";".join(categories), "",
                    rng.choice(statuses), "2026-11-20"])
