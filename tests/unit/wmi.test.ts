import { describe, expect, it } from "vitest";
import { displayMake, makeFromVin, makeKey, sameMaker, vinMakeMismatch } from "@/lib/vehicles/wmi";
import { displayModel, fuelOf, yearOf } from "@/lib/vehicles/rdw";

describe("makeFromVin", () => {
  it.each([
    ["WP0ZZZ99ZTS392124", "WP0", "Porsche"],
    ["WP1ZZZ9YZLDA12345", "WP1", "Porsche"],
    ["WVGZZZ5NZJM131395", "WVG", "Volkswagen"],
    ["WVWZZZ1KZ8W000001", "WVW", "Volkswagen"],
    ["WAUZZZ8V5KA000001", "WAU", "Audi"],
    ["TMBJJ7NE0K0000001", "TMB", "Škoda"],
    ["VSSZZZ5FZKR000001", "VSS", "SEAT"],
    ["WBA8E9C50GK000001", "WBA", "BMW"],
    ["WMWXP7105K2A00001", "WMW", "Mini"],
    ["W1K2050421F000001", "W1K", "Mercedes-Benz"],
    ["WDD2050421F000001", "WDD", "Mercedes-Benz"],
    ["W0LBD6EA5JC000001", "W0L", "Opel"],
    ["WF0XXXGCDXKA00001", "WF0", "Ford"],
    ["VF1RFB00X6M000001", "VF1", "Renault"],
    ["UU1DJF00162000001", "UU1", "Dacia"],
    ["VF3MCYHZRKS000001", "VF3", "Peugeot"],
    ["VF7SXHMZ6KT000001", "VF7", "Citroën"],
    ["ZFA31200000000001", "ZFA", "Fiat"],
    ["YV1UZ25UCM1000001", "YV1", "Volvo"],
    ["SB1K93BE10E000001", "SB1", "Toyota"],
    ["NMTKZ3BE10R000001", "NMT", "Toyota"],
    ["JTDKB3FU10J000001", "JTD", "Toyota"],
    ["U5YPH81ABKL000001", "U5Y", "Kia"],
    ["KNACC81CGK5000001", "KNA", "Kia"],
    ["TMAJ3811AKJ000001", "TMA", "Hyundai"],
    ["5YJ3E7EB2LF000001", "5YJ", "Tesla"],
    ["XP7YGCEK3PB000001", "XP7", "Tesla"],
    ["LRW3E7FA5MC000001", "LRW", "Tesla"],
    ["SJNFAAJ11U2000001", "SJN", "Nissan"],
    ["JMZBP6HE601000001", "JMZ", "Mazda"],
    ["SHHFK2760JU000001", "SHH", "Honda"],
    ["SAJAA4BN4KA000001", "SAJ", "Jaguar"],
    ["SALGA2AE6LA000001", "SAL", "Land Rover"],
    ["TSMMZC21S00000001", "TSM", "Suzuki"],
    ["JMBXTGF2WJZ000001", "JMB", "Mitsubishi"],
    ["LPSED3KA9ML000001", "LPS", "Polestar"],
  ])("%s is a %s car: %s", (vin, wmi, make) => {
    expect(makeFromVin(vin)).toEqual({ wmi, make });
    expect(makeFromVin(vin.toLowerCase())).toEqual({ wmi, make });
  });

  it("knows no make for a WMI outside the table", () => {
    expect(makeFromVin("1HGCM82633A004352")).toBeNull(); // Honda of America: not in the European table
    expect(makeFromVin("ZZZ00000000000000")).toBeNull();
    expect(makeFromVin("")).toBeNull();
  });
});

describe("makes compared", () => {
  it.each([
    ["VW", "Volkswagen"],
    ["VOLKSWAGEN", "Volkswagen"],
    ["MERCEDES-BENZ", "Mercedes-Benz"],
    ["Mercedes", "Mercedes-Benz"],
    ["mercedes benz", "Mercedes-Benz"],
    ["SKODA", "Škoda"],
    ["Škoda", "Škoda"],
    ["CITROEN", "Citroën"],
    ["LAND ROVER", "Land Rover"],
    ["BMW", "BMW"],
    ["ALFA ROMEO", "Alfa Romeo"],
    ["LYNK & CO", "Lynk & Co"], // unknown to the table: the words capitalised
  ])("%s shows as %s", (raw, shown) => {
    expect(displayMake(raw)).toBe(shown);
  });

  it("treats aliases and sister makes as the same maker", () => {
    expect(makeKey("Škoda")).toBe(makeKey("SKODA"));
    expect(sameMaker("VW", "VOLKSWAGEN")).toBe(true);
    expect(sameMaker("Mercedes", "MERCEDES-BENZ")).toBe(true);
    expect(sameMaker("SEAT", "CUPRA")).toBe(true);
    expect(sameMaker("Citroën", "DS")).toBe(true);
    expect(sameMaker("Toyota", "LEXUS")).toBe(true);
    expect(sameMaker("BMW", "AUDI")).toBe(false);
    expect(sameMaker("Volkswagen", "Volvo")).toBe(false);
  });
});

describe("vinMakeMismatch: a warning, not a refusal", () => {
  it("warns when the VIN's maker is not the plate's registered make", () => {
    expect(vinMakeMismatch("WVWZZZ1KZ8W000001", "BMW")).toEqual({ wmi: "WVW", vinMake: "Volkswagen", plateMake: "BMW" });
    expect(vinMakeMismatch("WP0ZZZ99ZTS392124", "TOYOTA")).toEqual({ wmi: "WP0", vinMake: "Porsche", plateMake: "Toyota" });
  });

  it("is silent when they agree, through aliases and sister makes", () => {
    expect(vinMakeMismatch("WVWZZZ1KZ8W000001", "VOLKSWAGEN")).toBeNull();
    expect(vinMakeMismatch("WVWZZZ1KZ8W000001", "VW")).toBeNull();
    expect(vinMakeMismatch("W1K2050421F000001", "MERCEDES-BENZ")).toBeNull();
    expect(vinMakeMismatch("TMBJJ7NE0K0000001", "SKODA")).toBeNull();
    expect(vinMakeMismatch("VSSZZZ5FZKR000001", "CUPRA")).toBeNull();
    expect(vinMakeMismatch("WMWXP7105K2A00001", "MINI")).toBeNull();
  });

  it("is silent when either make is unknown", () => {
    expect(vinMakeMismatch("1HGCM82633A004352", "BMW")).toBeNull();
    expect(vinMakeMismatch("WVWZZZ1KZ8W000001", null)).toBeNull();
    expect(vinMakeMismatch("WVWZZZ1KZ8W000001", "")).toBeNull();
  });
});

describe("reading the RDW's fields", () => {
  it("takes the year from datum_eerste_toelating", () => {
    expect(yearOf("20190315")).toBe(2019);
    expect(yearOf("2019-03-15")).toBeNull();
    expect(yearOf("")).toBeNull();
    expect(yearOf(20190315)).toBeNull();
  });

  it.each([
    [[{ brandstof_omschrijving: "Benzine" }], "PETROL"],
    [[{ brandstof_omschrijving: "Diesel" }], "DIESEL"],
    [[{ brandstof_omschrijving: "Elektriciteit" }], "ELECTRIC"],
    [[{ brandstof_omschrijving: "Benzine", klasse_hybride_elektrisch_voertuig: "NOVC-HEV" }], "HYBRID"],
    [[{ brandstof_omschrijving: "Benzine", klasse_hybride_elektrisch_voertuig: "OVC-HEV" }, { brandstof_omschrijving: "Elektriciteit", klasse_hybride_elektrisch_voertuig: "OVC-HEV" }], "PLUGIN_HYBRID"],
    [[{ brandstof_omschrijving: "Benzine" }, { brandstof_omschrijving: "Elektriciteit" }], "HYBRID"],
    [[{ brandstof_omschrijving: "Benzine" }, { brandstof_omschrijving: "LPG" }], "OTHER"],
    [[{ brandstof_omschrijving: "Waterstof" }], "OTHER"],
    [[], null],
  ] as const)("fuel rows %j are %s", (rows, fuel) => {
    expect(fuelOf(rows as never)).toBe(fuel);
  });

  it.each([
    ["GOLF", "VOLKSWAGEN", "Golf"],
    ["TOYOTA COROLLA", "TOYOTA", "Corolla"],
    ["MODEL 3", "TESLA", "Model 3"],
    ["XC60", "VOLVO", "XC60"],
    ["ID.3", "VOLKSWAGEN", "ID.3"],
    ["GOLF GTI", "VOLKSWAGEN", "Golf GTI"],
    ["TOYOTA", "TOYOTA", "Toyota"], // a model that is only the make keeps its one word
  ])("handelsbenaming %s of a %s reads %s", (model, make, shown) => {
    expect(displayModel(model, make)).toBe(shown);
  });
});
